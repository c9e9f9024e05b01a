package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database that {@code ./run.sh} starts holds the user's data, so it must not acknowledge a save that a crash
 * can lose (issue #7): this starts it through the launcher's own start path and asks PostgreSQL what it runs with.
 * The tests' throwaway databases ({@code TestDatabase}) keep zonky's fast, non-durable defaults on purpose.
 */
class EmbeddedDatabaseDurabilityIT {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseFlushesEveryCommitToDisk() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            assertThat(show(statement, "fsync")).isEqualTo("on");
            assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(show(statement, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void itStaysDurableWhenRestartedOnTheSameDataFolder() throws Exception {
        EmbeddedDatabase.start(dataDir).close();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            assertThat(show(statement, "fsync")).isEqualTo("on");
            assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void fastUnsafeIsAnExplicitOptOut() throws Exception {
        assertThat(EmbeddedDatabase.fastUnsafe(null)).isFalse();
        assertThat(EmbeddedDatabase.fastUnsafe("")).isFalse();
        assertThat(EmbeddedDatabase.fastUnsafe("0")).isFalse();
        assertThat(EmbeddedDatabase.fastUnsafe("1")).isTrue();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, false);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            assertThat(show(statement, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
