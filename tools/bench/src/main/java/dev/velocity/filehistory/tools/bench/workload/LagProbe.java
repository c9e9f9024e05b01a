package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.Stats;
import dev.velocity.filehistory.tools.bench.design.NewDesign;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Projection lag: every Nth acknowledged save, a GET with minVersion starts at once on a separate pool, if one of
 * its 8 slots is free; otherwise that sample is skipped (and counted). Bounded because the service answers a
 * minVersion wait by polling the database every 15 ms: unbounded probing (tried: a growing pool) loads PostgreSQL
 * and slows the very read model it measures, 52 of 177 probes hit the 5 s limit. Queueing probes (tried: a fixed
 * pool) counts the queue as lag: p99 of the start delay was 9 s. Skipping keeps every recorded probe exact (started
 * at its ack); it samples a little less often while the lag is high.
 */
final class LagProbe {

    private static final int SLOTS = 8;

    private final NewDesign velocity;
    private final String project;
    private final int every;
    private final ExecutorService probes = Executors.newCachedThreadPool();
    private final Semaphore slots = new Semaphore(SLOTS);
    private final AtomicLong acks = new AtomicLong();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger notVisible = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();

    LagProbe(NewDesign velocity, String project, int every) {
        this.velocity = velocity;
        this.project = project;
        this.every = every;
    }

    /** Called for each acknowledged save, {@code ackedAt} its System.nanoTime. */
    void acknowledged(String path, int version, long ackedAt) {
        if (acks.incrementAndGet() % every != 0) {
            return;
        }
        if (!slots.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        probes.execute(() -> {
            try {
                long delay = System.nanoTime() - ackedAt;
                int status = velocity.visible(project, path, version);
                lags.add(System.nanoTime() - ackedAt);
                delays.add(delay);
                if (status != 200) {
                    notVisible.incrementAndGet();
                }
            } finally {
                slots.release();
            }
        });
    }

    /** Waits (at most 60 s) for the probes still running and returns the samples. */
    Lag finish() throws InterruptedException {
        probes.shutdown();
        if (!probes.awaitTermination(60, TimeUnit.SECONDS)) {
            probes.shutdownNow();
        }
        return new Lag(Stats.sorted(lags), Stats.sorted(delays), skipped.get(), notVisible.get());
    }
}
