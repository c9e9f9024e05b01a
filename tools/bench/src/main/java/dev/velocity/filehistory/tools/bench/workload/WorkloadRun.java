package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.Stats;
import dev.velocity.filehistory.tools.bench.design.Ack;
import dev.velocity.filehistory.tools.bench.design.Client;
import dev.velocity.filehistory.tools.bench.design.CpuMeter;
import dev.velocity.filehistory.tools.bench.design.Design;
import dev.velocity.filehistory.tools.bench.design.Integrity;
import dev.velocity.filehistory.tools.bench.design.NewDesign;
import dev.velocity.filehistory.tools.bench.design.Outcome;
import dev.velocity.filehistory.tools.bench.text.Contents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Runs one workload on one design: seeded files, clients in threads with a shared start, the checks after. */
final class WorkloadRun {

    private final Design design;
    private final Workload workload;
    private final String project;
    private final List<Texts> texts = new ArrayList<>();
    /** path -> the saves acknowledged on it. */
    private final Map<String, ConcurrentLinkedQueue<Ack>> acks = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    private WorkloadRun(Design design, Workload workload) throws Exception {
        this.design = design;
        this.workload = workload;
        this.project = design.newProject("bench " + workload.title());
        for (int c = 0; c < workload.clients(); c++) {
            texts.add(Texts.of(workload, c));
        }
    }

    static Result run(Design design, Workload workload, CpuMeter cpu) throws Exception {
        WorkloadRun run = new WorkloadRun(design, workload);
        run.seed();
        return run.measure(cpu);
    }

    Workload workload() {
        return workload;
    }

    String project() {
        return project;
    }

    Map<String, ConcurrentLinkedQueue<Ack>> acks() {
        return acks;
    }

    ConcurrentLinkedQueue<Outcome> outcomes() {
        return outcomes;
    }

    /** Each file at version 1 (a stale workload's at 2), outside of any timing. */
    private void seed() throws Exception {
        for (int c = 0; c < workload.files(); c++) {
            String path = workload.sharedFile() ? "src/shared.js" : "src/client-" + c + ".js";
            design.seed(project, path, texts.get(c).seed());
            if (workload.seededVersions() == 2) {
                try (Client client = design.client()) {
                    Outcome outcome = client.save(project, path, Contents.content(-2, c, workload.bytes()), 1);
                    if (outcome.kind() != Outcome.Kind.ACKNOWLEDGED || outcome.version() != 2) {
                        throw new IllegalStateException("second seed: " + outcome);
                    }
                }
            }
            acks.put(path, new ConcurrentLinkedQueue<>());
        }
    }

    private Result measure(CpuMeter cpu) throws Exception {
        LagProbe probe = workload.lagEvery() > 0 && design instanceof NewDesign velocity
                ? new LagProbe(velocity, project, workload.lagEvery()) : null;
        StartGate gate = new StartGate(workload.clients());
        List<WorkloadClient> clients = clients(gate, probe);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            threads.add(new Thread(clients.get(c), "bench-client-" + c));
            threads.get(c).start();
        }
        gate.awaitReady();
        double[] cpuBefore = cpu.seconds();
        long start = gate.open();
        for (Thread thread : threads) {
            thread.join();
        }
        long end = clients.stream().mapToLong(WorkloadClient::endNanos).max().orElse(start);
        settle();
        Lag lag = probe == null ? null : probe.finish();
        double[] cpuAfter = cpu.seconds();
        for (WorkloadClient client : clients) {
            client.session().close();
        }
        boolean cut = clients.stream().anyMatch(WorkloadClient::cut);
        return result((end - start) / 1e9, cut, cpuBefore, cpuAfter, lag);
    }

    private List<WorkloadClient> clients(StartGate gate, LagProbe probe) throws Exception {
        List<String> paths = new ArrayList<>(acks.keySet());
        List<WorkloadClient> clients = new ArrayList<>();
        for (int c = 0; c < workload.clients(); c++) {
            clients.add(new WorkloadClient(this, design.client(), paths.get(workload.sharedFile() ? 0 : c),
                    texts.get(c), gate, probe));
        }
        return clients;
    }

    /** Waits for the read models, so that the CPU they spend on the workload's saves is counted. */
    private void settle() throws Exception {
        for (Map.Entry<String, ConcurrentLinkedQueue<Ack>> file : acks.entrySet()) {
            int top = file.getValue().stream().mapToInt(Ack::version).max().orElse(workload.seededVersions());
            design.awaitSettled(project, file.getKey(), top);
        }
    }

    private Result result(double seconds, boolean cut, double[] cpuBefore, double[] cpuAfter, Lag lag) throws Exception {
        int acknowledged = 0;
        int unchanged = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<Long> ackNanos = new ArrayList<>();
        List<Long> failNanos = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case ACKNOWLEDGED -> {
                    acknowledged++;
                    ackNanos.add(outcome.nanos());
                }
                case UNCHANGED -> unchanged++;
                case FAILED -> {
                    failures.merge(outcome.failure(), 1, Integer::sum);
                    failNanos.add(outcome.nanos());
                }
            }
        }
        List<Integrity> integrity = new ArrayList<>();
        for (Map.Entry<String, ConcurrentLinkedQueue<Ack>> file : acks.entrySet()) {
            integrity.add(design.check(project, file.getKey(), workload.seededVersions(), new ArrayList<>(file.getValue())));
        }
        return new Result(workload, design.name(), outcomes.size(), acknowledged, unchanged, failures, seconds,
                Stats.sorted(ackNanos), Stats.sorted(failNanos), cut, integrity, design.projectCheck(project),
                cpuAfter[0] - cpuBefore[0], design.usesService() ? cpuAfter[1] - cpuBefore[1] : Double.NaN, lag);
    }
}
