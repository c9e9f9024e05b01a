package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.BenchRun;
import dev.velocity.filehistory.tools.bench.Section;
import dev.velocity.filehistory.tools.bench.SectionResult;
import dev.velocity.filehistory.tools.bench.design.Design;
import java.util.ArrayList;
import java.util.List;

/** Workloads that BENCH_ONLY names together, each run on every design in turn, judged by one target rule. */
record WorkloadSection(String key, List<Workload> workloads, WorkloadTargets.Rule rule) implements Section {

    @Override
    public SectionResult run(BenchRun run) throws Exception {
        List<Pair> pairs = new ArrayList<>();
        for (Workload workload : workloads) {
            Result old = null;
            Result velocity = null;
            for (Design design : run.designs()) {
                if (workload.newOnly() && !design.isVelocity()) {
                    continue;
                }
                BenchRun.progress("%s: %s ...", workload.title(), design.name());
                Result result = WorkloadRun.run(design, workload, run.cpu());
                BenchRun.progress("  %d acknowledged of %d in %.1f s, failures %s", result.acknowledged(),
                        result.attempted(), result.seconds(), result.failureKinds());
                if (design.isVelocity()) {
                    velocity = result;
                } else {
                    old = result;
                }
            }
            if (old != null || velocity != null) {
                pairs.add(new Pair(old, velocity));
            }
        }
        return new WorkloadResults(pairs, rule);
    }
}
