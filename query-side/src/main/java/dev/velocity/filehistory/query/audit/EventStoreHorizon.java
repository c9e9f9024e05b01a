package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.platform.eventstore.EventTable;
import dev.velocity.filehistory.platform.eventstore.EventTable.Indexed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the event stream can be served without ever skipping an event. A global index is taken before its
 * transaction commits, so index n can become visible after n+1: a reader that moved past such a hole would miss
 * n for ever. A hole is final (its transaction rolled back) once the transaction that took the index has ended:
 * <ol>
 * <li>every hole below the newest index visible at the start was taken by a transaction that was then in flight
 * or already over, so once the transactions in flight at the start have ended, those holes are final;</li>
 * <li>above it, a hole is final once the event above it is older than any transaction may live (four times the
 * transaction timeout, which PostgreSQL enforces too); otherwise the horizon stops below it.</li>
 * </ol>
 */
@Component
class EventStoreHorizon {

    private static final int SCAN = 10_000;
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 20;
    private static final String IN_FLIGHT = """
            SELECT pid, xact_start FROM pg_stat_activity
            WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() AND datname = current_database()
              AND backend_type = 'client backend'
            """;

    private final JdbcTemplate jdbc;
    private final EventTable events;
    private final Clock clock;
    private final Duration settleTime;

    EventStoreHorizon(JdbcTemplate jdbc, EventTable events, Clock clock, VelocityProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.settleTime = properties.transactionTimeout().multipliedBy(4);
    }

    private record Transaction(int pid, Object started) {
    }

    /** The highest position at or after {@code after} below which every event is committed and visible. */
    long safeUpTo(long after) {
        long newestVisible = events.newestPosition();
        long settledBelow = newestVisible > 0 && inFlightTransactionsEnd() ? newestVisible : after;
        List<Indexed> next = events.positionsAfter(after, SCAN);
        Instant oldestUnsettled = clock.instant().minus(settleTime);
        long horizon = after;
        for (Indexed event : next) {
            boolean hole = event.position() > horizon + 1;
            boolean mayStillFill = event.position() > settledBelow && event.timestamp().isAfter(oldestUnsettled);
            if (hole && mayStillFill) {
                return horizon;
            }
            horizon = event.position();
        }
        return horizon;
    }

    /** Waits, briefly, until every transaction in flight now has ended; false if some outlast the wait. */
    private boolean inFlightTransactionsEnd() {
        List<Transaction> inFlight = jdbc.query(IN_FLIGHT, (rs, i) -> new Transaction(rs.getInt(1), rs.getObject(2)));
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        while (!inFlight.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            List<Transaction> now = jdbc.query(IN_FLIGHT, (rs, i) -> new Transaction(rs.getInt(1), rs.getObject(2)));
            inFlight = inFlight.stream().filter(now::contains).toList();
        }
        return true;
    }
}
