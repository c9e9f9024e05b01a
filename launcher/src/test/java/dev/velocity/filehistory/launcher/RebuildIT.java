package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator rebuilds the read models while users keep saving: reads say they are behind until the rebuild is
 * done, and then every row is what it was, plus what was saved meanwhile.
 */
class RebuildIT extends RunningSystem {

    private static final String REBUILD = "/api/admin/read-models/rebuild";
    private static final String CURRENT = "SELECT * FROM current_files ORDER BY file_id";
    private static final String HISTORY = "SELECT * FROM file_versions ORDER BY file_id, version";

    @Autowired
    DataSource dataSource;

    @Test
    void readsAreBehindDuringARebuildAndTheRowsComeBackWithTheSavesMadeMeanwhile() throws Exception {
        Project project = api.createProject("rebuild", "alice");
        for (int i = 0; i < 20; i++) {
            api.save(project, "f" + i + ".txt", "file " + i + "\n", 0);
            api.save(project, "f" + i + ".txt", "file " + i + "\nsecond line\n", 1);
        }
        api.move(project, "f1.txt", "moved.txt", 2);
        api.delete(project, "f2.txt", 2);
        assertThat(api.list(project, "?minVersion=1").json()).hasSize(19);
        List<Map<String, Object>> current = jdbc.queryForList(CURRENT);
        List<Map<String, Object>> history = jdbc.queryForList(HISTORY);
        long stored = storedEvents();

        Response started;
        try (Connection holder = dataSource.getConnection()) {
            // Holding a lock on the history table keeps the reset (TRUNCATE) waiting, so the rebuild is surely
            // running while this test reads and saves.
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE file_versions IN SHARE MODE");
            }
            started = api.send("POST", REBUILD, ADMIN_TOKEN, null);
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json().get("running").asBoolean()).isTrue();
            assertThat(started.json().get("total").asLong()).isEqualTo(stored);
            assertThat(api.send("POST", REBUILD, ADMIN_TOKEN, null).status()).isEqualTo(409);

            Response behind = api.list(project, "");
            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(api.content(project, "f3.txt", "").status()).isEqualTo(503);
            assertThat(api.save(project, "during.txt", "saved during the rebuild\n", 0).status()).isEqualTo(201);
            assertThat(api.get(REBUILD, ADMIN_TOKEN).json().get("running").asBoolean()).isTrue();
            holder.commit();
        }

        JsonNode progress = awaitRebuilt();
        assertThat(progress.get("done").asLong()).isEqualTo(stored);
        assertThat(progress.get("total").asLong()).isEqualTo(stored);
        assertThat(api.content(project, "during.txt", "&minVersion=1").json().get("content").asText())
                .isEqualTo("saved during the rebuild\n");
        String during = api.content(project, "during.txt", "").json().get("fileId").asText();
        assertThat(without(jdbc.queryForList(CURRENT), during)).isEqualTo(current);
        assertThat(without(jdbc.queryForList(HISTORY), during)).isEqualTo(history);
        assertThat(api.list(project, "").json()).hasSize(20);
    }

    @Test
    void theAdminRoutesNeedTheAdminToken() {
        Project project = api.createProject("not-admin", "alice");
        assertThat(api.get(REBUILD, null).status()).isEqualTo(401);
        assertThat(api.get(REBUILD, project.token()).status()).isEqualTo(401);
        Response wrong = api.send("POST", REBUILD, ADMIN_TOKEN + "x", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(api.get(REBUILD, ADMIN_TOKEN).status()).isEqualTo(200);
    }

    private JsonNode awaitRebuilt() {
        JsonNode progress = await("rebuild finished").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(REBUILD, ADMIN_TOKEN).json(), running -> !running.get("running").asBoolean());
        assertThat(progress.get("error").isNull()).as("rebuild error: %s", progress).isTrue();
        return progress;
    }

    private static List<Map<String, Object>> without(List<Map<String, Object>> rows, String fileId) {
        return rows.stream().filter(row -> !row.get("file_id").toString().equals(fileId)).toList();
    }
}
