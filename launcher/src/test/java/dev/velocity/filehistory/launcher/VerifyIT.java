package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /verify names each damage done to the store directly in PostgreSQL, by file and version; an honest project
 * verifies, and the standalone script agrees with it on an export. Each damage is done to a fresh project and
 * undone afterwards, so the tests that replay the whole store still see an honest one.
 */
class VerifyIT extends RunningSystem {

    private static final String A = "src/a.js";
    private static final String PAYLOAD = "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
            + "AND sequencenumber = ?";
    private static final String SET_PAYLOAD = "UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? "
            + "AND sequencenumber = ?";

    private AuditExport audit;

    @BeforeEach
    void auditor() {
        audit = new AuditExport(api);
    }

    /** 200 lines, one of them edited: saves of it are stored as line edits. */
    private static String source(int edit) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 200; line++) {
            text.append(line == edit ? "    // edited in save " + edit : "    const value" + line + " = f(" + line + ");")
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * src/a.js: 1 created, 2 and 3 line edits, 4 a full rewrite, 5 moved to lib/a.js, 6 restored to version 2,
     * 7 deleted; b.txt: 1 created, 2 saved. Answers a.js's file id once the read models show all of it.
     */
    private String history(Project project) {
        assertThat(api.save(project, A, source(0), 0).status()).isEqualTo(201);
        api.save(project, A, source(1), 1);
        api.save(project, A, source(2), 2);
        api.save(project, A, "a rewrite\nof everything\n", 3);
        api.move(project, A, "lib/a.js", 4);
        api.restore(project, "lib/a.js", 2, 5);
        String fileId = api.delete(project, "lib/a.js", 6).json().get("fileId").asText();
        api.save(project, "b.txt", "hello\n", 0);
        assertThat(api.save(project, "b.txt", "hello\nworld\n", 1).version()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%FileEditedEvent'", Long.class, fileId)).isEqualTo(2);
        assertThat(api.content(project, "lib/a.js", "&minVersion=7").status()).as("read models caught up")
                .isEqualTo(200);
        assertThat(api.content(project, "b.txt", "&minVersion=2").status()).isEqualTo(200);
        return fileId;
    }

    @Test
    void anHonestProjectVerifiesAndTheStandaloneScriptAgreesOnItsExport() {
        Project project = api.createProject("honest", "alice");
        history(project);

        JsonNode verified = audit.verify(project);
        assertThat(verified.get("problems")).isEmpty();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("files").asInt()).isEqualTo(2);
        assertThat(verified.get("events").asInt()).isEqualTo(9);
        assertThat(verified.get("head").asText()).matches("[0-9a-f]{64}");

        String export = audit.export(project);
        AuditExport.ScriptResult script = audit.runScript(export);
        assertThat(script.exitCode()).as(script.output()).isZero();
        assertThat(script.head()).isEqualTo(verified.get("head").asText());

        AuditExport.ScriptResult damaged = audit.runScript(export.replace("edited in save 2", "edited in save 7"));
        assertThat(damaged.exitCode()).as(damaged.output()).isEqualTo(1);
        assertThat(damaged.output()).contains("version 3: contentHash does not match");
    }

    @Test
    void aProjectWithMoreEventsThanOneFetchVerifies() {
        Project project = api.createProject("large", "alice");
        int files = 19;
        int versions = 15;
        for (int file = 0; file < files; file++) {
            for (int version = 1; version <= versions; version++) {
                assertThat(api.save(project, "f" + file + ".txt", "version " + version + "\n", version - 1).version())
                        .isEqualTo(version);
            }
        }
        JsonNode verified = audit.verify(project);
        assertThat(verified.get("problems")).as("files end between fetches of the stream").isEmpty();
        assertThat(verified.get("events").asInt()).isGreaterThan(256).isEqualTo(files * versions);
    }

    @Test
    void aChangedCharacterInStoredLineEditsIsNamedByFileAndVersion() {
        Project project = api.createProject("edited-edits", "alice");
        String fileId = history(project);
        withPayloadChanged(fileId, 2, "edited in save 2", "edited in save 7", () -> {
            List<JsonNode> problems = problems(project);
            assertThat(problems).allSatisfy(problem -> assertNamed(problem, fileId, 3));
            assertThat(whats(problems)).anyMatch(what -> what.contains("does not match contentHash"))
                    .contains("editsHash does not match the stored line edits: the edits were changed");
        });
        assertThat(audit.verify(project).get("ok").asBoolean()).isTrue();
    }

    /** The chain covers line edits through their hash: a changed editsHash changes the event. */
    @Test
    void aChangedEditsHashIsNamedAsAChangedEvent() throws Exception {
        Project project = api.createProject("edits-hash", "alice");
        String fileId = history(project);
        String editsHash = Api.JSON.readTree(jdbc.queryForObject(PAYLOAD, byte[].class, fileId, 1L))
                .get("editsHash").asText();
        withPayloadChanged(fileId, 1, editsHash, "0".repeat(64), () -> {
            List<JsonNode> problems = problems(project);
            assertThat(problems).allSatisfy(problem -> assertNamed(problem, fileId, 2));
            assertThat(whats(problems)).containsExactlyInAnyOrder(
                    "eventHash does not match the event's fields: the stored event was changed",
                    "editsHash does not match the stored line edits: the edits were changed");
        });
    }

    @Test
    void theProjectsOwnStreamIsInTheChainAndItsDamageIsNamed() {
        Project project = api.createProject("own-stream", "alice");
        history(project);
        String export = audit.export(project);
        assertThat(export.lines().findFirst().orElseThrow()).contains("\"type\":\"ProjectCreatedEvent\"");
        assertThat(audit.verify(project).get("projectEvents").asInt()).isEqualTo(1);

        withPayloadChanged(project.id(), 0, "own-stream", "own-streaM", () -> {
            List<JsonNode> problems = problems(project);
            assertThat(problems).singleElement().satisfies(problem -> assertNamed(problem, project.id(), 1));
            assertThat(whats(problems)).containsExactly("the project's own stream: eventHash does not match the "
                    + "event's fields: the stored event was changed");
        });
        AuditExport.ScriptResult damaged = audit.runScript(export.replace("own-stream", "own-streaM"));
        assertThat(damaged.output()).contains("project " + project.id() + " event 1: eventHash does not match");
    }

    @Test
    void aChangedCharacterInAStoredFullTextIsNamedByFileAndVersion() {
        Project project = api.createProject("edited-text", "alice");
        String fileId = history(project);
        withPayloadChanged(fileId, 3, "of everything", "of everythinG", () -> {
            List<JsonNode> problems = problems(project);
            assertThat(problems).allSatisfy(problem -> assertNamed(problem, fileId, 4));
            assertThat(whats(problems)).anyMatch(what -> what.contains("(full text) does not match contentHash"));
        });
    }

    @Test
    void aDeletedEventIsNamedAsTheMissingVersion() {
        Project project = api.createProject("deleted-event", "alice");
        String fileId = history(project);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 2", fileId);
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", row.get("globalindex"));
        try {
            List<JsonNode> problems = problems(project);
            assertThat(problems).allSatisfy(problem -> assertNamed(problem, fileId, 3));
            assertThat(whats(problems)).contains("version 3 is missing: no event at sequence number 2",
                    "file_versions has a row for version 3, which no event makes");
        } finally {
            jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                    + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("globalindex"), fileId, 2L, row.get("type"),
                    row.get("eventidentifier"), row.get("metadata"), row.get("payload"), row.get("payloadrevision"),
                    row.get("payloadtype"), row.get("timestamp"));
        }
        assertThat(audit.verify(project).get("ok").asBoolean()).isTrue();
    }

    @Test
    void swappedSequenceNumbersAreNamed() {
        Project project = api.createProject("swapped", "alice");
        String fileId = history(project);
        swapSequenceNumbers(fileId, 1, 2);
        try {
            List<JsonNode> problems = problems(project);
            assertThat(problems).allSatisfy(problem -> assertThat(problem.get("fileId").asText()).isEqualTo(fileId));
            assertThat(problems).anySatisfy(problem -> assertNamed(problem, fileId, 2))
                    .anySatisfy(problem -> assertNamed(problem, fileId, 3));
            assertThat(whats(problems)).contains("the event at sequence number 1 says version 3",
                    "the event at sequence number 2 says version 2");
        } finally {
            swapSequenceNumbers(fileId, 1, 2);
        }
    }

    @Test
    void aChangedHistoryRowIsNamedWithItsColumn() {
        Project project = api.createProject("history-row", "alice");
        String fileId = history(project);
        jdbc.update("UPDATE file_versions SET by = 'mallory' WHERE file_id = ?::uuid AND version = 2", fileId);
        try {
            List<JsonNode> problems = problems(project);
            assertThat(problems).singleElement().satisfies(problem -> assertNamed(problem, fileId, 2));
            assertThat(whats(problems)).containsExactly("file_versions by is 'mallory', the events give 'alice'");
        } finally {
            jdbc.update("UPDATE file_versions SET by = 'alice' WHERE file_id = ?::uuid AND version = 2", fileId);
        }
    }

    @Test
    void aChangedCurrentRowIsNamedWithItsColumn() {
        Project project = api.createProject("current-row", "alice");
        String fileId = history(project);
        jdbc.update("UPDATE current_files SET version = 99 WHERE file_id = ?::uuid", fileId);
        try {
            List<JsonNode> problems = problems(project);
            assertThat(problems).singleElement().satisfies(problem -> assertNamed(problem, fileId, 7));
            assertThat(whats(problems)).containsExactly("current_files version is 99, the events give 7");
        } finally {
            jdbc.update("UPDATE current_files SET version = 7 WHERE file_id = ?::uuid", fileId);
        }
    }

    @Test
    void onlyTheProjectsMembersMayVerifyIt() {
        Project project = api.createProject("members", "alice");
        Project other = api.createProject("other", "mallory");
        assertThat(api.get("/api/projects/" + project.id() + "/verify", other.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/projects/" + project.id() + "/verify", null).status()).isEqualTo(401);
    }

    private List<JsonNode> problems(Project project) {
        JsonNode verified = audit.verify(project);
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isFalse();
        List<JsonNode> problems = new ArrayList<>();
        verified.get("problems").forEach(problems::add);
        return problems;
    }

    private static List<String> whats(List<JsonNode> problems) {
        return problems.stream().map(problem -> problem.get("what").asText()).toList();
    }

    private static void assertNamed(JsonNode problem, String fileId, int version) {
        assertThat(problem.get("fileId").asText()).as(problem.toString()).isEqualTo(fileId);
        assertThat(problem.get("version").asInt()).as(problem.toString()).isEqualTo(version);
    }

    private void withPayloadChanged(String fileId, long sequence, String from, String to, Runnable check) {
        byte[] original = jdbc.queryForObject(PAYLOAD, byte[].class, fileId, sequence);
        String text = new String(original, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        jdbc.update(SET_PAYLOAD, text.replace(from, to).getBytes(StandardCharsets.UTF_8), fileId,
                sequence);
        try {
            check.run();
        } finally {
            jdbc.update(SET_PAYLOAD, original, fileId, sequence);
        }
    }

    private void swapSequenceNumbers(String fileId, long first, long second) {
        String move = "UPDATE domainevententry SET sequencenumber = ? WHERE aggregateidentifier = ? "
                + "AND sequencenumber = ?";
        jdbc.update(move, -1L, fileId, first);
        jdbc.update(move, first, fileId, second);
        jdbc.update(move, second, fileId, -1L);
    }
}
