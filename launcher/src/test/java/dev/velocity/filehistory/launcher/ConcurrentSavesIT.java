package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The bug this product exists for: many clients saving one file at once. Real threads, real HTTP, real
 * PostgreSQL; the assertions are what a user would notice (lost, duplicated or "two current" versions).
 */
class ConcurrentSavesIT extends RunningSystem {

    private static final int THREADS = 16;
    private static final int ACKNOWLEDGED_SAVES = 500;

    record Ack(int version, String content) {
    }

    @Test
    void sixteenClientsSavingOneFileWithTheVersionTheyLastSawNeverLoseOrDuplicateASave() throws Exception {
        Project project = api.createProject("race", "alice");
        String path = "src/hot.js";
        List<Ack> acks = new CopyOnWriteArrayList<>();
        List<Response> failures = new CopyOnWriteArrayList<>();
        AtomicInteger remaining = new AtomicInteger(ACKNOWLEDGED_SAVES);

        Concurrently.run(THREADS, thread -> {
            int lastSeen = 0;
            for (int attempt = 0; remaining.get() > 0; attempt++) {
                String content = document(thread, "thread " + thread + " attempt " + attempt + " " + UUID.randomUUID());
                Response response = api.save(project, path, content, lastSeen);
                if (response.status() == 200 || response.status() == 201) {
                    lastSeen = response.version();
                    acks.add(new Ack(lastSeen, content));
                    remaining.decrementAndGet();
                } else {
                    failures.add(response);
                    if (response.status() == 409) {
                        lastSeen = response.json().get("currentVersion").asInt();
                    }
                }
            }
        });

        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.status()).as(failure.toString()).isEqualTo(409);
            assertThat(failure.json().get("type").asText()).endsWith("version-conflict");
        });
        int newest = acks.stream().mapToInt(Ack::version).max().orElseThrow();
        assertThat(acks).extracting(Ack::version).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, newest).boxed().toList());
        assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_SAVES);
        assertEveryAcknowledgedSaveIsReadable(project, path, acks, newest);
    }

    @Test
    void savesWithoutExpectedVersionAllLandWithGapFreeVersions() throws Exception {
        Project project = api.createProject("lww", "alice");
        String path = "notes.txt";
        List<Ack> acks = new CopyOnWriteArrayList<>();
        List<Response> failures = new CopyOnWriteArrayList<>();

        Concurrently.run(8, thread -> {
            for (int i = 0; i < 40; i++) {
                String content = document(thread, "writer " + thread + " save " + i);
                Response response = api.save(project, path, content, null);
                if (response.status() == 200 || response.status() == 201) {
                    acks.add(new Ack(response.version(), content));
                } else {
                    failures.add(response);
                }
            }
        });

        assertThat(failures).isEmpty();
        assertThat(acks).hasSize(320);
        assertThat(acks).extracting(Ack::version)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 320).boxed().toList());
        assertEveryAcknowledgedSaveIsReadable(project, path, acks, 320);
    }

    @Test
    void racingCreatesOfOnePathHaveExactlyOneWinner() throws Exception {
        Project project = api.createProject("creates", "alice");
        for (int round = 0; round < 20; round++) {
            String path = "new/file-" + round + ".txt";
            List<Response> responses = new CopyOnWriteArrayList<>();
            int contenders = 2 + round % 7;
            CyclicBarrier start = new CyclicBarrier(contenders);
            Concurrently.run(contenders, thread -> {
                start.await();
                responses.add(api.save(project, path, "contender " + thread, 0));
            });

            assertThat(responses).filteredOn(r -> r.status() == 201).as("round %d: %s", round, responses).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(409));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM file_paths WHERE project_id = ?::uuid AND live",
                Long.class, project.id())).isEqualTo(20);
        assertThat(api.list(project, "?minVersion=1").json()).hasSize(20)
                .allSatisfy(file -> assertThat(file.get("version").asInt()).isEqualTo(1));
    }

    @Test
    void racingCreatesWithoutExpectedVersionMergeIntoOneFile() throws Exception {
        Project project = api.createProject("creates-lww", "alice");
        List<Response> responses = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(6);
        Concurrently.run(6, thread -> {
            start.await();
            responses.add(api.save(project, "shared.txt", "writer " + thread, null));
        });

        assertThat(responses).extracting(Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().get("fileId").asText()).containsOnly(
                responses.get(0).json().get("fileId").asText());
        assertThat(responses).extracting(Response::version).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void concurrentWritersAcrossManyFilesAreAllProjected() throws Exception {
        Project project = api.createProject("many", "alice");
        Map<String, Integer> newest = new ConcurrentHashMap<>();

        Concurrently.run(8, thread -> {
            for (int file = 0; file < 6; file++) {
                String path = "w" + thread + "/f" + file + ".txt";
                for (int save = 1; save <= 8; save++) {
                    Response response = api.save(project, path, path + " v" + save, save - 1);
                    assertThat(response.status()).as(response.toString()).isIn(200, 201);
                    newest.put(path, response.version());
                }
            }
        });

        JsonNode list = api.list(project, "?minVersion=1").json();
        assertThat(list).hasSize(48);
        list.forEach(file -> assertThat(file.get("version").asInt()).isEqualTo(8));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM file_versions WHERE project_id = ?::uuid", Long.class,
                project.id())).isEqualTo(48 * 8);
        assertThat(newest.values()).containsOnly(8);
    }

    private void assertEveryAcknowledgedSaveIsReadable(Project project, String path, List<Ack> acks, int newest) {
        JsonNode current = api.content(project, path, "&minVersion=" + newest).json();
        assertThat(current.get("version").asInt()).isEqualTo(newest);
        Ack last = acks.stream().filter(a -> a.version() == newest).findFirst().orElseThrow();
        assertThat(current.get("content").asText()).isEqualTo(last.content());

        List<Integer> history = new ArrayList<>();
        String query = "&limit=1000";
        JsonNode page;
        do {
            page = api.history(project, path, query).json();
            page.get("entries").forEach(e -> history.add(e.get("version").asInt()));
            query = "&limit=1000&before=" + page.get("next").asText();
        } while (!page.get("next").isNull());
        assertThat(history).containsExactlyElementsOf(IntStream.iterate(newest, v -> v >= 1, v -> v - 1).boxed().toList());

        acks.forEach(ack -> assertThat(api.content(project, path, "&version=" + ack.version()).json()
                .get("content").asText()).as("version %d", ack.version()).isEqualTo(ack.content()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM current_files WHERE project_id = ?::uuid AND path = ?",
                Long.class, project.id(), path)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry e JOIN current_files c "
                        + "ON e.aggregateidentifier = c.file_id::text WHERE c.project_id = ?::uuid AND c.path = ?",
                Long.class, project.id(), path)).isEqualTo(newest);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry e JOIN current_files c "
                        + "ON e.aggregateidentifier = c.file_id::text WHERE c.project_id = ?::uuid AND c.path = ? "
                        + "AND e.payloadtype LIKE '%FileEditedEvent'", Long.class, project.id(), path))
                .as("saves stored as line edits of the version before").isGreaterThan(newest / 2L);
    }

    /**
     * A 60-line document in which the writer changed one line of its own: consecutive versions differ in a few
     * lines, so most saves are stored as line edits of the version before, written by another thread.
     */
    private static String document(int writer, String change) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 60; line++) {
            text.append(line == (writer * 7) % 60 ? change : "line " + line + " of a document everyone edits")
                    .append('\n');
        }
        return text.toString();
    }
}
