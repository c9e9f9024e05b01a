package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.platform.eventstore.EventTable;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Lets a client read its own writes: waits, bounded by {@code velocity.read-wait-timeout}, until the read models
 * show what the client already knows was stored. Polls the read model itself, so it holds whichever node runs
 * the projections.
 */
@Component
public class CatchUpWait {

    private static final long POLL_MILLIS = 15;

    private final VelocityProperties properties;
    private final EventTable events;
    private final ProjectionProgress tracker;

    CatchUpWait(VelocityProperties properties, EventTable events, ProjectionProgress tracker) {
        this.properties = properties;
        this.events = events;
        this.tracker = tracker;
    }

    /** Waits until {@code caughtUp} holds, else 503 {@code read-model-behind} naming {@code what} it waited for. */
    public void awaitUntil(BooleanSupplier caughtUp, String what) {
        if (!waitUntil(caughtUp, what)) {
            throw new ReadModelBehindException("The read model has not reached " + what + " yet; retry shortly");
        }
    }

    /** Waits until {@code caughtUp} holds; false if it still does not after {@code velocity.read-wait-timeout}. */
    private boolean waitUntil(BooleanSupplier caughtUp, String what) {
        long deadline = System.nanoTime() + properties.readWaitTimeout().toNanos();
        while (!caughtUp.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehindException("Interrupted while waiting for " + what);
            }
        }
        return true;
    }

    /**
     * Waits until the read models have handled every event that was stored when this was called; answers the
     * position of the newest of those events (0 when there was none).
     */
    public long awaitEventStoreHead() {
        long head = events.newestPosition();
        if (head == 0) {
            return 0;
        }
        awaitUntil(() -> tracker.handledThrough(head), "the newest stored event");
        return head;
    }

    /** Waits until the read models have handled every stored event up to {@code position} of the audit stream. */
    public void awaitPosition(long position) {
        long head = events.newestPosition();
        if (head == 0 || position <= 0) {
            return;
        }
        long target = Math.min(position, head);
        awaitUntil(() -> tracker.handledThrough(target), "position " + target);
    }

    /**
     * Waits, as long as a read may wait, until the read models have handled every stored event up to
     * {@code position} of the audit stream; else 503 {@code read-model-behind}.
     */
    public void awaitHandledThrough(long position) {
        awaitUntil(() -> tracker.handledThrough(position), "position " + position);
    }
}
