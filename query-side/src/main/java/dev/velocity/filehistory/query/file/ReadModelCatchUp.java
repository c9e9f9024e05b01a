package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.platform.VelocityProperties;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a client read its own writes: waits, bounded by {@code velocity.read-wait-timeout}, until the read models
 * show what the client already knows was stored. Polls the read model itself, so it holds whichever node runs
 * the projections.
 */
@Component
public class ReadModelCatchUp {

    private static final long POLL_MILLIS = 15;

    private final VelocityProperties properties;
    private final JdbcTemplate jdbc;
    private final ReadModelTracker tracker;

    ReadModelCatchUp(VelocityProperties properties, JdbcTemplate jdbc, ReadModelTracker tracker) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tracker = tracker;
    }

    void awaitUntil(BooleanSupplier caughtUp, String what) {
        long deadline = System.nanoTime() + properties.readWaitTimeout().toNanos();
        while (!caughtUp.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ReadModelBehindException("The read model has not reached " + what + " yet; retry shortly");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehindException("Interrupted while waiting for " + what);
            }
        }
    }

    /**
     * Waits until the read models have handled every event that was stored when this was called; answers the
     * position of the newest of those events (0 when there was none).
     */
    public long awaitEventStoreHead() {
        Long head = storeHead();
        if (head == null) {
            return 0;
        }
        awaitUntil(() -> tracker.handledThrough(head), "the newest stored event");
        return head;
    }

    /** Waits until the read models have handled every stored event up to {@code position} of the audit stream. */
    void awaitPosition(long position) {
        Long head = storeHead();
        if (head == null || position <= 0) {
            return;
        }
        long target = Math.min(position, head);
        awaitUntil(() -> tracker.handledThrough(target), "position " + target);
    }

    private Long storeHead() {
        return jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
    }
}
