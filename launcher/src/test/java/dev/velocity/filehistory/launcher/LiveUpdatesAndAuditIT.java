package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ProblemAssertions.assertProblem;
import static dev.velocity.filehistory.launcher.ServerSentEvents.nextFileChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The streams of api.md: live updates over server-sent events and the project's audit stream. */
class LiveUpdatesAndAuditIT extends RunningSystem {

    private Project project() {
        return api.createProject("demo", "alice");
    }

    @Test
    void liveUpdatesStreamOneFileChangedEventPerHistoryEntry() throws Exception {
        Project project = project();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                api.url("/api/projects/" + project.id() + "/updates?access_token=" + project.token()))).GET().build();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        ServerSentEvents.gather(stream.body(), lines);
        lines.poll(10, TimeUnit.SECONDS);

        api.save(project, "live.txt", "one", 0);
        api.move(project, "live.txt", "moved.txt", 1);

        List<JsonNode> events = nextFileChanged(lines, 2, Duration.ofSeconds(20));
        assertThat(events).extracting(e -> e.get("kind").asText()).containsExactly("CREATED", "MOVED");
        JsonNode moved = events.get(1);
        assertThat(moved.get("path").asText()).isEqualTo("moved.txt");
        assertThat(moved.get("version").asInt()).isEqualTo(2);
        assertThat(moved.get("by").asText()).isEqualTo("alice");
        assertThat(moved.get("contentHash").asText()).isEqualTo(sha256("one"));
        assertThat(moved.hasNonNull("fileId")).isTrue();
        assertThat(moved.hasNonNull("at")).isTrue();
        stream.body().close();
    }

    @Test
    void theAuditStreamListsTheProjectsStoredEventsInOrderAndResumes() throws Exception {
        Project project = project();
        Project other = api.createProject("other", "mallory");
        api.save(other, "theirs.txt", "not in my stream", 0);
        api.save(project, "a.txt", "one", 0);
        api.save(project, "a.txt", "two", 1);
        api.move(project, "a.txt", "b.txt", 2);
        api.delete(project, "b.txt", 3);

        Response all = api.get("/api/projects/" + project.id() + "/events", project.token());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> events = new ArrayList<>();
        for (String line : all.body().split("\n")) {
            events.add(Api.JSON.readTree(line));
        }
        JsonNode projectCreated = events.remove(0);
        assertThat(projectCreated.get("type").asText()).as("the project's own stream comes first")
                .isEqualTo("ProjectCreatedEvent");
        assertThat(projectCreated.get("aggregateId").asText()).isEqualTo(project.id());
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("FileCreatedEvent",
                "FileVersionSavedEvent", "FileMovedEvent", "FileDeletedEvent");
        assertThat(events).extracting(e -> e.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        JsonNode saved = events.get(1);
        assertThat(saved.get("payload").get("content").asText()).isEqualTo("two");
        assertThat(saved.get("payload").get("contentHash").asText()).isEqualTo(sha256("two"));
        assertThat(saved.get("payload").get("version").asInt()).isEqualTo(2);
        assertThat(saved.hasNonNull("timestamp")).isTrue();
        assertThat(saved.get("aggregateId").asText()).isEqualTo(events.get(0).get("aggregateId").asText());

        long second = events.get(1).get("position").asLong();
        Response rest = api.get("/api/projects/" + project.id() + "/events?after=" + second + "&limit=1",
                project.token());
        assertThat(rest.body().trim().split("\n")).hasSize(1);
        assertThat(Api.JSON.readTree(rest.body()).get("type").asText()).isEqualTo("FileMovedEvent");

        assertProblem(api.get("/api/projects/" + project.id() + "/events?after=-1", project.token()), 400,
                "invalid-request");
        assertProblem(api.get("/api/projects/" + project.id() + "/events?limit=0", project.token()), 400,
                "invalid-request");
        assertProblem(api.get("/api/projects/" + project.id() + "/events", other.token()), 403, "forbidden");
    }

    /** NDJSON as line-oriented tools read it ({@code grep '^{'}, a strict reader): each line one object, alone. */
    @Test
    void everyLineOfEveryAuditPageIsOneJsonObjectStartingWithABrace() throws Exception {
        Project project = project();
        for (int version = 0; version < 7; version++) {
            api.save(project, "notes.txt", "line " + version + "\n", version);
        }
        api.save(project, "other.txt", "x", 0);
        ObjectReader strict = Api.JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        List<Long> positions = new ArrayList<>();
        int pages = 0;
        long after = 0;
        while (true) {
            Response page = api.get("/api/projects/" + project.id() + "/events?limit=3&after=" + after,
                    project.token());
            assertThat(page.status()).isEqualTo(200);
            String body = page.body();
            if (body.isEmpty()) {
                break;
            }
            pages++;
            assertThat(body).as("page %d ends its last line", pages).endsWith("\n");
            for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
                assertThat(line).as("a line of page %d", pages).startsWith("{").endsWith("}");
                positions.add(strict.<JsonNode>readValue(line).get("position").asLong());
            }
            after = positions.get(positions.size() - 1);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(positions).as("8 file events and the project's own first").hasSize(9).isSorted()
                .doesNotHaveDuplicates();
    }
}
