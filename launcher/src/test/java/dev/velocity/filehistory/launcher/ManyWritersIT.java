package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.testing.FreshDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue #10: more writers on one file than the database pool has connections must not freeze the service. Seen
 * before: threads waiting for the file each held a connection, and the one holding the file needed one more for a
 * snapshot. Here 24 writers share one file on a pool of 10 connections, with a snapshot due every 5 events, half
 * of them saving on the version they last saw and half without a check (last writer wins).
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=10", "server.tomcat.threads.max=3",
                "spring.task.execution.pool.core-size=1", "velocity.snapshot-threshold=5",
                "velocity.rate-limit.enabled=false"}) // one token saving flat out, far past any editor
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextConfiguration(initializers = FreshDatabase.class)
class ManyWritersIT {

    private static final int WRITERS = 24;
    private static final int SAVES_PER_WRITER = 12;
    /** A hang detector, not a performance bound: the freeze this guards against lasted 30 s and ended in a 500. */
    private static final Duration SLOWEST_ACCEPTABLE_ANSWER = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Answer(Response response, String content, Duration took) {
    }

    @Test
    void manyMoreWritersOfOneFileThanConnectionsAllGetAnAnswerAndNoAcknowledgedSaveIsLost() throws Exception {
        Api api = new Api(port);
        Project project = api.createProject("hot-file", "alice");
        String path = "src/hot.js";
        List<Answer> answers = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(WRITERS);

        Concurrently.run(WRITERS, writer -> {
            boolean checksVersion = writer % 2 == 0;
            int lastSeen = 0;
            start.await();
            for (int save = 0; save < SAVES_PER_WRITER; save++) {
                String content = "writer " + writer + " save " + save + " " + UUID.randomUUID() + "\n";
                long began = System.nanoTime();
                Response response = api.save(project, path, content, checksVersion ? lastSeen : null);
                answers.add(new Answer(response, content, Duration.ofNanos(System.nanoTime() - began)));
                if (response.status() == 200 || response.status() == 201) {
                    lastSeen = response.version();
                } else if (response.status() == 409) {
                    lastSeen = response.json().get("currentVersion").asInt();
                }
            }
        });

        assertThat(answers).hasSize(WRITERS * SAVES_PER_WRITER);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.took()).as("answer time of %s", answer.response()).isLessThan(SLOWEST_ACCEPTABLE_ANSWER);
            assertThat(answer.response().status()).as(answer.response().toString()).isIn(200, 201, 409);
        });
        List<Answer> acknowledged = answers.stream().filter(a -> a.response().status() / 100 == 2).toList();
        int newest = acknowledged.stream().mapToInt(a -> a.response().version()).max().orElseThrow();
        assertThat(acknowledged).extracting(a -> a.response().version())
                .as("every acknowledged save is its own version, with no gap")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, newest).boxed().toList());
        assertThat(acknowledged).as("the unconditional half of the writers never loses")
                .hasSizeGreaterThanOrEqualTo(WRITERS / 2 * SAVES_PER_WRITER);

        TreeMap<Integer, String> history = history(api, project, path, newest);
        assertThat(history.keySet()).containsExactlyElementsOf(IntStream.rangeClosed(1, newest).boxed().toList());
        acknowledged.forEach(ack -> {
            JsonNode saved = ack.response().json();
            assertThat(saved.get("contentHash").asText()).isEqualTo(Sha256.hex(ack.content()));
            assertThat(history.get(saved.get("version").asInt())).as("history hash of version %s",
                    saved.get("version")).isEqualTo(saved.get("contentHash").asText());
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry", Long.class))
                .as("snapshots fell due while the writers were saving").isPositive();
        JsonNode verification = api.get("/api/projects/" + project.id() + "/verify", project.token()).json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    /** version -> contentHash of every history entry, once the read model shows {@code newest}. */
    private static TreeMap<Integer, String> history(Api api, Project project, String path, int newest) {
        TreeMap<Integer, String> versions = new TreeMap<>();
        String query = "&limit=1000&minVersion=" + newest;
        JsonNode page;
        do {
            Response response = api.history(project, path, query);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            page = response.json();
            page.get("entries").forEach(entry -> assertThat(versions.put(entry.get("version").asInt(),
                    entry.get("contentHash").asText())).as("version listed twice").isNull());
            query = "&limit=1000&before=" + page.get("next").asText();
        } while (!page.get("next").isNull());
        return versions;
    }
}
