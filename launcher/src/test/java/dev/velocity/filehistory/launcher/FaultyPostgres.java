package dev.velocity.filehistory.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL of one test class's own, and what a deployment's database does to the connections of the service:
 * backends terminated (a pooler restart, a failover, an idle timeout), statements cancelled by
 * {@code statement_timeout}, and the whole server paused (a VM stalled, a network partition that sends nothing).
 * The faults come from a superuser connection of the test's own, on the {@code postgres} database, so they never hit
 * the test itself. The server is this class's alone: pausing it disturbs no other test.
 */
final class FaultyPostgres {

    static final String DATABASE = "velocity";

    /** The service's own client connections: everything on its database but the test's lock holder. */
    private static final String SERVICE_BACKENDS = "FROM pg_stat_activity WHERE datname = '" + DATABASE + "' "
            + "AND backend_type = 'client backend' AND application_name <> 'fault-injection'";

    private final EmbeddedPostgres server;
    private final Connection admin;
    private List<ProcessHandle> paused = List.of();

    FaultyPostgres() {
        try {
            server = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
            admin = server.getPostgresDatabase().getConnection();
            admin.setAutoCommit(true);
            execute(admin, "CREATE DATABASE " + DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the service under test at this server's database, as its superuser. */
    void serve(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** {@code pg_terminate_backend} of every client connection of the service; how many there were. */
    int terminateServiceBackends() {
        return count("SELECT count(pg_terminate_backend(pid)) " + SERVICE_BACKENDS);
    }

    /**
     * Terminates the service's connections that are inside a transaction that has written something and not yet
     * committed: for a save, the moment between taking its Idempotency-Key and committing its events.
     */
    int terminateWritingTransactions() {
        return count("SELECT count(pg_terminate_backend(pid)) " + SERVICE_BACKENDS + " AND backend_xid IS NOT NULL");
    }

    int serviceBackends() {
        return count("SELECT count(*) " + SERVICE_BACKENDS);
    }

    /**
     * Holds a lock that every append of an event waits for, for {@code duration}: the appends inside it run into
     * their {@code statement_timeout}, each in the middle of its command's transaction.
     */
    void blockEventAppends(Duration duration) {
        try (Connection connection = server.getDatabase("postgres", DATABASE).getConnection()) {
            execute(connection, "SET application_name = 'fault-injection'");
            connection.setAutoCommit(false);
            execute(connection, "LOCK TABLE domainevententry IN EXCLUSIVE MODE");
            Thread.sleep(duration.toMillis());
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP of the postmaster and every process it started: nothing answers, no connection is refused. */
    void pause() {
        ProcessHandle postmaster = postmaster();
        // The postmaster first, so that it starts no backend after its children are listed.
        signal("-STOP", List.of(postmaster));
        List<ProcessHandle> processes = new ArrayList<>(List.of(postmaster));
        List<ProcessHandle> children = postmaster.descendants().toList();
        signal("-STOP", children);
        processes.addAll(children);
        paused = processes;
    }

    /** SIGCONT of what {@link #pause()} stopped. */
    void resume() {
        signal("-CONT", paused);
        paused = List.of();
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(command + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The parent of the test's own backend. */
    private ProcessHandle postmaster() {
        long backend = count("SELECT pg_backend_pid()");
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                .orElseThrow(() -> new IllegalStateException("no postmaster above backend " + backend));
    }

    private int count(String sql) {
        try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
