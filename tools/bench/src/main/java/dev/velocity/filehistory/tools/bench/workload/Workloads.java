package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.BenchOptions;
import dev.velocity.filehistory.tools.bench.BenchRun;
import dev.velocity.filehistory.tools.bench.Section;
import dev.velocity.filehistory.tools.bench.design.Design;
import dev.velocity.filehistory.tools.bench.workload.Workload.Content;
import dev.velocity.filehistory.tools.bench.workload.Workload.Expect;
import java.time.Duration;
import java.util.List;

/**
 * The workload sections, in report order (bench/README.md has a row for each). A new workload is one more
 * {@link Workload} here, in a section of its own or in one of these.
 */
public final class Workloads {

    private Workloads() {}

    public static List<Section> sections(BenchOptions o) {
        int saves = o.saves();
        int half = Math.max(10, saves / 2);
        int bytes = o.contentBytes();
        Duration deadline = o.deadline();
        int lagEvery = o.number("lagEvery", 4);
        return List.of(
                section("contention", WorkloadTargets::contention, new Workload("contention",
                        "8 clients, one file, expectedVersion = last seen", 8, true, Content.RANDOM, bytes,
                        Expect.LAST_SEEN, saves, deadline, false, 0)),
                section("lww", WorkloadTargets::lastWriterWins, new Workload("lww",
                        "8 clients, one file, expectedVersion null (last writer wins)", 8, true, Content.RANDOM, bytes,
                        Expect.NULL, saves, deadline, false, 0)),
                section("distinct", WorkloadTargets::withoutContention,
                        new Workload("distinct8", "8 clients, 8 files (autosave, edits), expectedVersion = last seen",
                                8, false, Content.EDIT, bytes, Expect.LAST_SEEN, saves, deadline, false, 0),
                        new Workload("distinct32", "32 clients, 32 files (autosave, edits), expectedVersion = last seen",
                                32, false, Content.EDIT, bytes, Expect.LAST_SEEN, saves, deadline, false, 0),
                        new Workload("rewrite8", "8 clients, 8 files, every save rewrites the whole file", 8, false,
                                Content.RANDOM, bytes, Expect.LAST_SEEN, saves, deadline, false, 0)),
                section("rejected", WorkloadTargets::rejected, new Workload("rejected",
                        "8 clients, one file, stale expectedVersion (every save rejected)", 8, true, Content.RANDOM,
                        bytes, Expect.STALE, half, deadline, false, 0)),
                section("lag", WorkloadTargets::lag, new Workload("lag32", "32 clients, 32 files (edits) with a "
                        + "projection-lag probe on every " + lagEvery + "th ack", 32, false, Content.EDIT, bytes,
                        Expect.LAST_SEEN, half, deadline, true, lagEvery)),
                section("big", WorkloadTargets::bigFiles, new Workload("big8",
                        "8 clients, 8 files of 100 KiB (edits), expectedVersion = last seen", 8, false, Content.EDIT,
                        o.number("bigBytes", 102400), Expect.LAST_SEEN, half, deadline, false, 0)));
    }

    /** Both designs, 8 clients × warmupSaves each, before anything is measured; nothing of it is reported. */
    public static void warmUp(BenchRun run) throws Exception {
        int saves = run.options().number("warmupSaves", 25);
        Workload warmUp = new Workload("warm-up", "warm-up", 8, false, Content.RANDOM, run.options().contentBytes(),
                Expect.LAST_SEEN, saves, Duration.ofSeconds(Math.max(60, run.options().deadline().toSeconds())), false, 0);
        for (Design design : run.designs()) {
            BenchRun.progress("warm-up %s: 8 clients x %d saves", design.name(), saves);
            WorkloadRun.run(design, warmUp, run.cpu());
        }
    }

    private static Section section(String key, WorkloadTargets.Rule rule, Workload... workloads) {
        return new WorkloadSection(key, List.of(workloads), rule);
    }
}
