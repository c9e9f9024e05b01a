package dev.velocity.filehistory.launcher;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transaction of a test's own that every append of an event waits for until {@link #release()}: a command that
 * reaches its append is held inside its transaction, after its Idempotency-Key is taken and before its commit.
 */
final class HeldEventAppends implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final Connection holder;

    HeldEventAppends(JdbcTemplate jdbc) throws SQLException {
        this.jdbc = jdbc;
        this.holder = jdbc.getDataSource().getConnection();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("LOCK TABLE domainevententry IN EXCLUSIVE MODE");
        }
    }

    /** The backend of the one command whose append waits. */
    int awaitHeldCommand() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("SELECT pid FROM "
                + "pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                + "AND query ILIKE '%domainevententry%'", Integer.class), pids -> pids.size() == 1).get(0);
    }

    void release() throws SQLException {
        holder.rollback();
    }

    @Override
    public void close() throws SQLException {
        holder.rollback();
        holder.close();
    }
}
