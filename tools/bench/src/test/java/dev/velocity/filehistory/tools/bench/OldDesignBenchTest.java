package dev.velocity.filehistory.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bench, small, against the old design on a real PostgreSQL (--old-only, as bench/run.sh runs it while
 * the service does not build): every section runs, the report is written, and the old design's histories check out.
 */
class OldDesignBenchTest {

    private static final Path OLD_DESIGN = Path.of("../../bench/baseline/old-design.sql");

    @Test
    void everySectionRunsAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(OLD_DESIGN));
            }
            Path report = dir.resolve("report.md");
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(new ByteArrayOutputStream()));
            try {
                Bench.main(arguments(postgres.getJdbcUrl("postgres", "postgres"), report));
            } finally {
                System.setOut(stdout);
            }
            assertReport(Files.readString(report));
        }
    }

    private static String[] arguments(String jdbc, Path report) {
        return List.of("jdbc=" + jdbc, "dbUser=postgres", "dbPassword=", "saves=6", "contentBytes=1024",
                "bigBytes=2048", "deadlineSeconds=20", "warmupSaves=2", "historyVersions=60", "historyBytes=1024",
                "historyReads=5", "historyDeadlineSeconds=30", "storageSaves=5", "storageBytes=4096", "quick=1",
                "report=" + report, "newSkippedBecause=run with --old-only", "meta.mode=test").toArray(String[]::new);
    }

    private static void assertReport(String md) {
        assertThat(md).contains("**New design not measured:** run with --old-only")
                .contains("| sections | contention, lww, distinct, rejected, lag, big, history, storage (all) |")
                .contains("## 8 clients, one file, expectedVersion = last seen")
                .contains("## 32 clients, 32 files (autosave, edits), expectedVersion = last seen")
                .contains("## Long history: one file built to 60 versions")
                .contains("## Storage: one file of ~4 KiB")
                .contains("| 5. long history (60 versions): versions reached | 60 |");
        List<String> summary = md.lines().filter(line -> line.endsWith("| 0 / n/a |")).toList();
        assertThat(summary).as("every workload of the old design with 0 history problems").hasSize(7);
        assertThat(md).doesNotContain("gaps 1").doesNotContain("acknowledged but not stored 1");
    }
}
