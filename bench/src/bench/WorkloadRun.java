package bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static apiclient.ApiClient.sha256;
import static bench.Contents.*;
import static bench.Stats.*;

/** Runs one workload on one design: clients in threads, a shared start, the checks after. */
final class WorkloadRun {

    private WorkloadRun() {}

    static Result run(Design design, Workload w, CpuMeter cpu) throws Exception {
        int clients = w.clients(), saves = w.saves();
        String project = design.newProject("bench " + w.title());
        List<String> paths = new ArrayList<>();
        List<Texts> texts = new ArrayList<>();
        for (int c = 0; c < clients; c++) texts.add(Texts.of(w, c));
        int seeded = w.expect() == Expect.STALE ? 2 : 1;
        for (int c = 0; c < (w.sharedFile() ? 1 : clients); c++) {
            String path = w.sharedFile() ? "src/shared.js" : "src/client-" + c + ".js";
            design.seed(project, path, texts.get(c).seed());
            if (seeded == 2) {
                try (Client s = design.client()) {
                    Outcome o = s.save(project, path, content(-2, c, w.bytes()), 1);
                    if (o.kind() != Kind.ACKNOWLEDGED || o.version() != 2) throw new IllegalStateException("second seed: " + o);
                }
            }
            paths.add(path);
        }

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Ack>> acks = new LinkedHashMap<>();
        for (String p : paths) acks.put(p, new ConcurrentLinkedQueue<>());
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[clients];
        boolean[] cut = new boolean[clients];
        List<Thread> threads = new ArrayList<>();
        List<Client> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) sessions.add(design.client());
        long[] startHolder = new long[1];

        // Projection lag: every lagEvery-th acknowledged save, a GET with minVersion starts at once on a separate pool,
        // if one of its 8 slots is free; otherwise that sample is skipped (and counted). Bounded because the service
        // answers a minVersion wait by polling the database every 15 ms: unbounded probing (tried: a growing pool) loads
        // PostgreSQL and slows the very read model it measures, 52 of 177 probes hit the 5 s limit. Queueing probes
        // (tried: a fixed pool) counts the queue as lag: p99 of the start delay was 9 s. Skipping keeps every recorded
        // probe exact (started at its ack); it samples a little less often while the lag is high.
        boolean probe = w.lagEvery() > 0 && design instanceof NewDesign;
        java.util.concurrent.ExecutorService probes = probe ? java.util.concurrent.Executors.newCachedThreadPool() : null;
        java.util.concurrent.Semaphore probeSlots = new java.util.concurrent.Semaphore(8);
        java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong ackCount = new java.util.concurrent.atomic.AtomicLong();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> probeDelays = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger notVisible = new java.util.concurrent.atomic.AtomicInteger();

        for (int c = 0; c < clients; c++) {
            final int id = c;
            final Client client = sessions.get(c);
            final String path = paths.get(w.sharedFile() ? 0 : c);
            final Texts source = texts.get(c);
            Thread t = new Thread(() -> {
                Integer lastSeen = seeded;
                ready.countDown();
                try { go.await(); } catch (InterruptedException e) { return; }
                long stopAt = startHolder[0] + w.deadline().toNanos();
                for (int i = 0; i < saves; i++) {
                    if (System.nanoTime() > stopAt) { cut[id] = true; break; }
                    String text = source.next();
                    Integer expected = switch (w.expect()) {
                        case LAST_SEEN -> lastSeen;
                        case NULL -> null;
                        case STALE -> 1;
                    };
                    Outcome o = client.save(project, path, text, expected);
                    long ackedAt = System.nanoTime();
                    outcomes.add(o);
                    if (o.kind() != Kind.FAILED) {
                        lastSeen = o.version();
                        if (o.kind() == Kind.ACKNOWLEDGED) {
                            acks.get(path).add(new Ack(o.version(), sha256(text)));
                            if (probe && ackCount.incrementAndGet() % w.lagEvery() == 0) {
                                int version = o.version();
                                if (probeSlots.tryAcquire()) {
                                    probes.execute(() -> {
                                        try {
                                            long delay = System.nanoTime() - ackedAt;
                                            int status = ((NewDesign) design).awaitVisible(project, path, version);
                                            lags.add(System.nanoTime() - ackedAt);
                                            probeDelays.add(delay);
                                            if (status != 200) notVisible.incrementAndGet();
                                        } finally {
                                            probeSlots.release();
                                        }
                                    });
                                } else {
                                    skipped.incrementAndGet();
                                }
                            }
                        }
                    } else if (o.currentVersion() != null) {
                        lastSeen = o.currentVersion();
                    } else {
                        Integer current = client.currentVersion(project, path);
                        if (current != null) lastSeen = current;
                    }
                }
                end[id] = System.nanoTime();
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        double[] cpuBefore = cpu.seconds();
        startHolder[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) t.join();
        long last = 0;
        for (long e : end) last = Math.max(last, e);
        double seconds = (last - startHolder[0]) / 1e9;
        for (String p : paths) {
            design.awaitSettled(project, p, acks.get(p).stream().mapToInt(Ack::version).max().orElse(seeded));
        }
        if (probes != null) {
            probes.shutdown();
            if (!probes.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) probes.shutdownNow();
        }
        double[] cpuAfter = cpu.seconds();
        for (Client c : sessions) c.close();

        int acknowledged = 0, unchanged = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<Long> ackNanos = new ArrayList<>();
        List<Long> failNanos = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o.kind()) {
                case ACKNOWLEDGED -> { acknowledged++; ackNanos.add(o.nanos()); }
                case UNCHANGED -> unchanged++;
                case FAILED -> { failures.merge(o.failure(), 1, Integer::sum); failNanos.add(o.nanos()); }
            }
        }
        List<Integrity> integrity = new ArrayList<>();
        for (String p : paths) integrity.add(design.check(project, p, seeded, new ArrayList<>(acks.get(p))));
        boolean anyCut = false;
        for (boolean b : cut) anyCut |= b;
        return new Result(w, design.name(), clients, outcomes.size(), acknowledged, unchanged, failures, seconds,
                sorted(ackNanos), sorted(failNanos), anyCut, integrity, design.projectCheck(project),
                cpuAfter[0] - cpuBefore[0], design.usesService() ? cpuAfter[1] - cpuBefore[1] : Double.NaN,
                probe ? sorted(lags) : null, probe ? sorted(probeDelays) : null, skipped.get(), notVisible.get());
    }
}
