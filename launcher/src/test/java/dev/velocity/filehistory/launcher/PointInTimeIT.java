package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** files and files/content answer as the project stood at a position of the audit stream or at an instant. */
class PointInTimeIT extends RunningSystem {

    @Test
    void filesAndContentShowTheProjectAsItStoodAtAPosition() {
        Project project = api.createProject("time", "alice");
        api.save(project, "a.txt", "one\n", 0);
        api.save(project, "b.txt", "bee\n", 0);
        long before = newestPosition(project);
        api.save(project, "a.txt", "two\n", 1);
        api.move(project, "a.txt", "c.txt", 2);
        api.delete(project, "b.txt", 1);
        long afterDelete = newestPosition(project);
        api.save(project, "b.txt", "a new file where one was deleted\n", 0);

        JsonNode then = api.list(project, "?position=" + before).json();
        assertThat(paths(then)).containsExactly("a.txt", "b.txt");
        assertThat(then.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(then.get(0).get("contentHash").asText()).isEqualTo(sha256("one\n"));
        JsonNode a = api.content(project, "a.txt", "&position=" + before).json();
        assertThat(a.get("content").asText()).isEqualTo("one\n");
        assertThat(a.get("deleted").asBoolean()).isFalse();
        assertThat(api.content(project, "c.txt", "&position=" + before).status()).isEqualTo(404);

        assertThat(paths(api.list(project, "?position=" + afterDelete).json())).containsExactly("c.txt");
        JsonNode deleted = api.content(project, "b.txt", "&position=" + afterDelete).json();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("content").asText()).isEqualTo("bee\n");
        assertThat(api.content(project, "c.txt", "&position=" + afterDelete).json().get("content").asText())
                .isEqualTo("two\n");

        assertThat(api.list(project, "?position=0").json()).isEmpty();
        assertThat(api.list(project, "?position=" + newestPosition(project)).json())
                .isEqualTo(api.list(project, "?minVersion=1").json());
    }

    @Test
    void anInstantIncludesEveryEntryAtOrBeforeIt() {
        Project project = api.createProject("instants", "alice");
        api.save(project, "a.txt", "one\n", 0);
        Instant first = Instant.parse(api.content(project, "a.txt", "&minVersion=1").json().get("savedAt").asText());
        awaitClockPast(first);
        api.save(project, "a.txt", "two\n", 1);
        api.move(project, "a.txt", "b.txt", 2);

        JsonNode then = api.list(project, "?at=" + first).json();
        assertThat(paths(then)).containsExactly("a.txt");
        assertThat(then.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(api.content(project, "a.txt", "&at=" + first).json().get("content").asText())
                .isEqualTo("one\n");
        assertThat(api.list(project, "?at=" + first.minusMillis(1)).json()).isEmpty();
        assertThat(paths(api.list(project, "?at=" + Instant.now().plusSeconds(60)).json()))
                .containsExactly("b.txt");
        assertThat(api.list(project, "?at=" + Api.encode(first.atOffset(java.time.ZoneOffset.ofHours(2))
                .toString())).json()).isEqualTo(then);
    }

    @Test
    void badPointsInTimeAre400ProblemJson() {
        Project project = api.createProject("bad-times", "alice");
        api.save(project, "a.txt", "one\n", 0);
        for (String query : List.of("?at=yesterday", "?at=2025-01-01T00:00:00", "?position=-1", "?position=x",
                "?position=1&at=2025-01-01T00:00:00Z")) {
            Response response = api.list(project, query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Response both = api.content(project, "a.txt", "&version=1&position=1");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
    }

    /** The newest position of the project's audit stream, as an auditor reads it. */
    private long newestPosition(Project project) {
        api.list(project, "?minVersion=1");
        String[] lines = api.get("/api/projects/" + project.id() + "/events?limit=10000", project.token()).body()
                .split("\n");
        try {
            return Api.JSON.readTree(lines[lines.length - 1]).get("position").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> paths(JsonNode files) {
        List<String> paths = new ArrayList<>();
        files.forEach(file -> paths.add(file.get("path").asText()));
        return paths;
    }

    /** The next save must get a later millisecond than {@code instant}, the precision of stored times. */
    private static void awaitClockPast(Instant instant) {
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant));
    }
}
