package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.history.chain.EventHashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events are forever: rows stored in every older shape (revision 1, before the hash chain) still load into the
 * aggregate, reach the read models and verify, and the first event saved on top links to the hashes their
 * canonical forms give (docs/audit.md).
 */
class OlderEventShapesIT extends RunningSystem {

    private static final String ONE = "one\n";
    private static final String TWO = "one\ntwo\n";

    @Test
    void revisionOneRowsOfEveryEventReadVerifyAndCarryTheChain() throws Exception {
        Project project = api.createProject("legacy", "alice");
        String fileId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO file_paths (file_id, project_id, path, live, changed_at) "
                + "VALUES (?::uuid, ?::uuid, 'lib/old.txt', true, now())", fileId, project.id());
        List<FileEvent> legacy = List.of(
                new FileCreatedEvent(project.id(), fileId, "old.txt", 1, ONE, sha256(ONE), 4, "text", "first",
                        "alice", null, null, null),
                new FileVersionSavedEvent(project.id(), fileId, "old.txt", 2, TWO, sha256(TWO), 8, "text", null,
                        "alice", null, null, null),
                new FileMovedEvent(project.id(), fileId, "old.txt", "lib/old.txt", 3, sha256(TWO), 8, null, "bob",
                        null, null, null),
                new FileDeletedEvent(project.id(), fileId, "lib/old.txt", 4, sha256(TWO), 8, "gone", "bob", null,
                        null, null),
                new FileRestoredEvent(project.id(), fileId, "lib/old.txt", 5, 1, ONE, sha256(ONE), 4, "text", null,
                        "carol", null, null, null));
        Instant firstSaved = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String chain = null;
        for (int i = 0; i < legacy.size(); i++) {
            storeInRevisionOneShape(legacy.get(i), fileId, i, firstSaved.plusSeconds(i));
            chain = EventHashes.hashOf(legacy.get(i), chain);
        }

        Api.Response restored = api.content(project, "lib/old.txt", "&minVersion=5");
        assertThat(restored.json().get("content").asText()).isEqualTo(ONE);
        assertThat(api.content(project, "lib/old.txt", "&version=2").json().get("content").asText()).isEqualTo(TWO);
        assertThat(api.history(project, "lib/old.txt", "").json().get("entries")).hasSize(5);

        assertThat(api.save(project, "lib/old.txt", "one\nthree\n", 5).version()).isEqualTo(6);
        JsonNode saved = Api.JSON.readTree(jdbc.queryForObject("SELECT payload FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 5", byte[].class, fileId));
        assertThat(saved.get("previousHash").asText()).as("the first chained event links to the legacy events")
                .isEqualTo(chain);

        AuditExport audit = new AuditExport(api);
        JsonNode verified = audit.verify(project);
        assertThat(verified.get("problems")).isEmpty();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("events").asInt()).isEqualTo(6);
        AuditExport.ScriptResult script = audit.runScript(audit.export(project));
        assertThat(script.exitCode()).as(script.output()).isZero();
        assertThat(script.head()).isEqualTo(verified.get("head").asText());
    }

    /** The JSON Jackson wrote for revision 1: every field but the two the chain added, nulls included. */
    private void storeInRevisionOneShape(FileEvent event, String fileId, long sequence, Instant at)
            throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>(Api.JSON.convertValue(event, Map.class));
        fields.remove("previousHash");
        fields.remove("eventHash");
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, ?, 'FileAggregate', ?, ?, ?, '1', ?, ?)",
                fileId, sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                Api.JSON.writeValueAsBytes(fields), event.getClass().getName(), at.toString());
    }
}
