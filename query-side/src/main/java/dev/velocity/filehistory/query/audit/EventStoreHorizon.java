package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.platform.VelocityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the event stream can be served without ever skipping an event. A global index is taken before its
 * transaction commits, so index n can appear after n+1: a reader that moved past a hole would miss n for
 * ever. The horizon therefore stops below the first hole that may still fill. A hole is settled (its
 * transaction rolled back) once the event above it is older than any transaction may live: four times the
 * transaction timeout, which PostgreSQL enforces too.
 */
@Component
class EventStoreHorizon {

    private static final int SCAN = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration settleTime;

    EventStoreHorizon(JdbcTemplate jdbc, Clock clock, VelocityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settleTime = properties.transactionTimeout().multipliedBy(4);
    }

    record Indexed(long position, Instant timestamp) {
    }

    /** The highest position at or after {@code after} below which every event is committed and visible. */
    long safeUpTo(long after) {
        List<Indexed> next = jdbc.query(
                "SELECT globalindex, timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT ?",
                (rs, i) -> new Indexed(rs.getLong(1), Instant.parse(rs.getString(2))), after, SCAN);
        Instant settled = clock.instant().minus(settleTime);
        long horizon = after;
        for (Indexed event : next) {
            boolean hole = event.position() > horizon + 1;
            if (hole && event.timestamp().isAfter(settled)) {
                return horizon;
            }
            horizon = event.position();
        }
        return horizon;
    }
}
