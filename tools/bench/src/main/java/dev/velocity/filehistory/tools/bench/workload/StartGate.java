package dev.velocity.filehistory.tools.bench.workload;

import java.util.concurrent.CountDownLatch;

/** Lets every client of a workload start at the same instant, once all are ready, and tells them that instant. */
final class StartGate {

    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long startNanos;

    StartGate(int clients) {
        ready = new CountDownLatch(clients);
    }

    /** A client is ready; returns false if it was interrupted before the start. */
    boolean readyAndWait() {
        ready.countDown();
        try {
            go.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitReady() throws InterruptedException {
        ready.await();
    }

    /** Starts the clients; returns the start's System.nanoTime. */
    long open() {
        startNanos = System.nanoTime();
        go.countDown();
        return startNanos;
    }

    long startNanos() {
        return startNanos;
    }
}
