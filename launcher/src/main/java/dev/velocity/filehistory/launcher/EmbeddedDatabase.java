package dev.velocity.filehistory.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL for the single-process run, kept in {@code VELOCITY_DATA_DIR/postgres} so data survives a
 * restart. It is skipped when a database is configured ({@code SPRING_DATASOURCE_URL} or
 * {@code spring.datasource.url}).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "velocity";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase startUnlessConfigured() {
        if (System.getenv("SPRING_DATASOURCE_URL") != null || System.getProperty("spring.datasource.url") != null) {
            return new EmbeddedDatabase(null);
        }
        Path dataDir = Path.of(System.getenv().getOrDefault("VELOCITY_DATA_DIR", "data")).toAbsolutePath();
        boolean fastUnsafe = fastUnsafe(System.getenv("VELOCITY_FAST_UNSAFE"));
        EmbeddedDatabase database = start(dataDir, !fastUnsafe);
        System.setProperty("spring.datasource.url", database.jdbcUrl());
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("spring.datasource.password", "");
        return database;
    }

    /**
     * {@code VELOCITY_FAST_UNSAFE=1} (or {@code true}) is the explicit, documented opt-out for demos: it keeps
     * zonky's fast settings, so a crash can lose the last acknowledged saves. Off by default.
     */
    static boolean fastUnsafe(String setting) {
        return setting != null && (setting.equals("1") || setting.equalsIgnoreCase("true"));
    }

    /** Starts (creating on first use) the durable PostgreSQL kept in {@code dataDir/postgres}. */
    static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, true);
    }

    static EmbeddedDatabase start(Path dataDir, boolean durable) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(pgData);
            log.info("Starting embedded PostgreSQL in {}", pgData);
            if (!durable) {
                log.warn("VELOCITY_FAST_UNSAFE is on: the embedded PostgreSQL runs with fsync and synchronous_commit "
                        + "off, so a crash can LOSE acknowledged saves. Do not keep data you care about this way.");
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            EmbeddedPostgres postgres = (durable ? durable(builder) : builder)
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    /**
     * zonky's builder is made for throwaway test databases: it passes {@code -F} (fsync off) on the postgres
     * command line and sets {@code synchronous_commit=off}, so a save is acknowledged before its WAL is written
     * and a crash loses it. Our data directory is the user's data, so turn both back on. Each setting becomes a
     * {@code -c name=value} placed after {@code -F}, and the last value on the command line wins.
     */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running on the data directory; stop it (SIGTERM, a
     * clean shutdown) so this start can take the directory over.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(server -> {
            log.warn("Stopping the PostgreSQL (pid {}) left running on {} by an earlier run", pid, pgData);
            server.destroy();
            try {
                server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL pid " + pid + " did not stop; stop it and retry", e);
            }
        });
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create the database '" + DATABASE + "'", e);
        }
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
