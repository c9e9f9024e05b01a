package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queries of api.md as a client sees them: the file list, content of any version, history pages and diffs. */
class FileQueriesIT extends RunningSystem {

    private Project project() {
        return api.createProject("demo", "alice");
    }

    @Test
    void listShowsLiveFilesSortedByPath() {
        Project project = project();
        for (String path : List.of("b.txt", "a/z.txt", "B.txt", "a.txt", "a/b.txt")) {
            api.save(project, path, path, 0);
        }
        api.delete(project, "a.txt", 1);

        JsonNode list = api.list(project, "?minVersion=1").json();

        assertThat(list).extracting(f -> f.get("path").asText())
                .containsExactly("B.txt", "a/b.txt", "a/z.txt", "b.txt");
        JsonNode first = list.get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("contentHash").asText()).isEqualTo(sha256("B.txt"));
        assertThat(first.get("sizeBytes").asLong()).isEqualTo(5);
        assertThat(first.get("updatedBy").asText()).isEqualTo("alice");
        assertThat(first.hasNonNull("fileId")).isTrue();
        assertThat(first.hasNonNull("updatedAt")).isTrue();
        assertThat(first.has("fileType")).isTrue();
    }

    @Test
    void contentOfAnyVersionHistoryPagesAndDiff() {
        Project project = project();
        api.save(project, "notes.md", "line 1\nfirst draft\n", 0);
        for (int v = 2; v <= 7; v++) {
            api.save(project, "notes.md", "line 1\nline " + v + "\n", v - 1);
        }

        Response v3Response = api.content(project, "notes.md", "&version=3&minVersion=7");
        assertThat(v3Response.status()).as(v3Response.toString()).isEqualTo(200);
        JsonNode v3 = v3Response.json();
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.get("content").asText()).isEqualTo("line 1\nline 3\n");
        assertThat(v3.get("deleted").asBoolean()).isFalse();
        assertThat(v3.get("savedBy").asText()).isEqualTo("alice");
        assertProblem(api.content(project, "notes.md", "&version=8"), 404, "version-not-found");

        List<Integer> versions = new ArrayList<>();
        String query = "&limit=3";
        JsonNode page;
        do {
            page = api.history(project, "notes.md", query).json();
            page.get("entries").forEach(e -> versions.add(e.get("version").asInt()));
            query = "&limit=3&before=" + page.get("next").asText();
        } while (!page.get("next").isNull());
        assertThat(versions).containsExactly(7, 6, 5, 4, 3, 2, 1);
        JsonNode entry = api.history(project, "notes.md", "&limit=1").json().get("entries").get(0);
        assertThat(entry.get("kind").asText()).isEqualTo("SAVED");
        assertThat(entry.get("contentHash").asText()).isEqualTo(sha256("line 1\nline 7\n"));
        assertThat(entry.has("message")).isTrue();
        assertThat(entry.hasNonNull("at")).isTrue();

        Response diff = api.diff(project, "notes.md", 2, 5);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.contentType()).startsWith("text/x-diff");
        assertThat(diff.body()).contains("--- a/notes.md", "+++ b/notes.md", "-line 2", "+line 5", " line 1");
    }

    @Test
    void minVersionThatNeverComesAnswers503WithRetryAfter() {
        Project project = project();
        api.save(project, "a.txt", "x", 0);

        Response response = api.content(project, "a.txt", "&minVersion=50");

        assertProblem(response, 503, "read-model-behind");
        assertThat(response.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void healthIsUpAndTheApiIsDocumented() {
        Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");

        Response openApi = api.get("/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/projects/{projectId}/files")).isTrue();
    }
}
