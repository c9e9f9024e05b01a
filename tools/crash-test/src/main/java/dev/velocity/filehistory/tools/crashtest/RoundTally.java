package dev.velocity.filehistory.tools.crashtest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one round's clients share: their counts, and the moment of the kill. The kill waits for the first
 * acknowledgement after it was armed, when a commit acknowledged too early is most likely still unwritten.
 */
final class RoundTally {

    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean killing = new AtomicBoolean();
    private final CountDownLatch ackWhileArmed = new CountDownLatch(1);

    void acknowledge() {
        acknowledged.incrementAndGet();
        if (armed.get()) {
            ackWhileArmed.countDown();
        }
    }

    /** Arms the kill and waits (at most 10 s) for the next acknowledgement; from then on the service is dying. */
    void awaitAckToKillAfter() throws InterruptedException {
        armed.set(true);
        ackWhileArmed.await(10, TimeUnit.SECONDS);
        killing.set(true);
    }

    boolean killing() {
        return killing.get();
    }
}
