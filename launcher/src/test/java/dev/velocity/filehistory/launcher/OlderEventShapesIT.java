package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.history.chain.CanonicalForm;
import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.history.content.LineEdits;
import dev.velocity.filehistory.launcher.Api.Project;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events are forever: rows stored in every older shape still load into the aggregate (a save on top), reach the
 * read models, verify on the server and with the script, and keep the project head they had. The shapes: revision
 * 1 of the five first events (before the hash chain: hashes computed in canonical form 1), revision 2 of them
 * (hashes stored, form 1), and revision 1 of {@link FileEditedEvent} (hash stored, form 1, edits inside); none of
 * them has {@code operationId}, a restore of them no {@code message}, the edits no {@code editsHash}.
 */
class OlderEventShapesIT extends RunningSystem {

    private static final String ONE = "one\n";
    private static final String TWO = "one\ntwo\n";
    private static final String THREE = "one\ntwo\nthree\n";

    private final Instant firstSaved = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    @Test
    void rowsOfEveryOlderShapeReadVerifyKeepTheirHeadAndCarryTheChain() throws Exception {
        Project project = api.createProject("older-shapes", "alice");
        String beforeTheChain = UUID.randomUUID().toString();
        String formOne = UUID.randomUUID().toString();
        String formOneEdits = UUID.randomUUID().toString();
        TreeMap<String, String> heads = new TreeMap<>();
        heads.put(beforeTheChain, storeFiveEvents(project, beforeTheChain, "a", false));
        heads.put(formOne, storeFiveEvents(project, formOne, "b", true));
        heads.put(formOneEdits, storeLineEdits(project, formOneEdits));

        AuditExport audit = new AuditExport(api);
        for (String path : List.of("lib/a.txt", "lib/b.txt")) {
            assertThat(api.content(project, path, "&minVersion=5").json().get("content").asText()).isEqualTo(ONE);
            assertThat(api.content(project, path, "&version=2").json().get("content").asText()).isEqualTo(TWO);
            JsonNode entries = api.history(project, path, "").json().get("entries");
            assertThat(entries).hasSize(5);
            assertThat(entries.get(0).get("message").asText()).as("a restore of an older shape has no message")
                    .isEqualTo("Restored version 1");
        }
        assertThat(api.content(project, "c.txt", "&minVersion=3").json().get("content").asText()).isEqualTo(THREE);
        assertThat(api.content(project, "c.txt", "&version=2").json().get("content").asText()).isEqualTo(TWO);
        JsonNode upgraded = audit.verify(project);
        assertThat(upgraded.get("problems")).isEmpty();
        assertThat(upgraded.get("head").asText()).as("the head the older rows had before the upgrade")
                .isEqualTo(EventHashes.head(withProjectStream(project, heads)));

        for (Map.Entry<String, String> file : heads.entrySet()) {
            String path = file.getKey().equals(formOneEdits) ? "c.txt"
                    : file.getKey().equals(formOne) ? "lib/b.txt" : "lib/a.txt";
            int version = file.getKey().equals(formOneEdits) ? 3 : 5;
            assertThat(api.save(project, path, THREE + "four\n", version).version()).isEqualTo(version + 1);
            JsonNode saved = Api.JSON.readTree(jdbc.queryForObject("SELECT payload FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND sequencenumber = ?", byte[].class, file.getKey(), version));
            assertThat(saved.get("previousHash").asText()).as("the first event of today links to the older ones")
                    .isEqualTo(file.getValue());
        }
        JsonNode verified = audit.verify(project);
        assertThat(verified.get("problems")).isEmpty();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("events").asInt()).isEqualTo(16);
        AuditExport.ScriptResult script = audit.runScript(audit.export(project));
        assertThat(script.exitCode()).as(script.output()).isZero();
        assertThat(script.head()).isEqualTo(verified.get("head").asText());
    }

    /**
     * Create, save, move, delete and restore version 1 of a file {@code <name>.txt} that ends at
     * {@code lib/<name>.txt}; stored at revision 1 (no hashes) or 2 (form 1 hashes). Answers the newest hash.
     */
    private String storeFiveEvents(Project project, String fileId, String name, boolean chained) throws Exception {
        String from = name + ".txt";
        String to = "lib/" + from;
        claimPath(project, fileId, to);
        List<FileEvent> events = List.of(
                new FileCreatedEvent(project.id(), fileId, from, 1, ONE, sha256(ONE), 4, "text", "first", "alice",
                        null, null, null),
                new FileVersionSavedEvent(project.id(), fileId, from, 2, TWO, sha256(TWO), 8, "text", null, "alice",
                        null, null, null),
                new FileMovedEvent(project.id(), fileId, from, to, 3, sha256(TWO), 8, null, "bob", null, null, null),
                new FileDeletedEvent(project.id(), fileId, to, 4, sha256(TWO), 8, "gone", "bob", null, null, null),
                new FileRestoredEvent(project.id(), fileId, to, 5, 1, ONE, sha256(ONE), 4, "text", null, "carol",
                        null, null, null));
        String chain = null;
        for (int i = 0; i < events.size(); i++) {
            FileEvent event = events.get(i);
            String hash = EventHashes.hashOf(event, chain, CanonicalForm.WITH_CONTENT);
            if (chained) {
                store(event.withChain(chain, hash), i, "2", "operationId", restoredOnly(event));
            } else {
                store(event, i, "1", "operationId", restoredOnly(event), "previousHash", "eventHash");
            }
            chain = hash;
        }
        return chain;
    }

    private static String restoredOnly(FileEvent event) {
        return event instanceof FileRestoredEvent ? "message" : null;
    }

    /** A file {@code c.txt} created (revision 2) and saved twice as line edits (revision 1), hashed in form 1. */
    private String storeLineEdits(Project project, String fileId) throws Exception {
        claimPath(project, fileId, "c.txt");
        List<LineEdit> second = List.of(new LineEdit(1, 0, List.of("two")));
        List<LineEdit> third = List.of(new LineEdit(2, 0, List.of("three")));
        assertThat(LineEdits.apply(LineEdits.apply(ONE, second), third)).isEqualTo(THREE);
        List<FileEvent> events = List.of(
                new FileCreatedEvent(project.id(), fileId, "c.txt", 1, ONE, sha256(ONE), 4, null, null, "alice",
                        null, null, null),
                new FileEditedEvent(project.id(), fileId, "c.txt", 2, second, null, sha256(TWO), 8, null, "typing",
                        "alice", null, null, null),
                new FileEditedEvent(project.id(), fileId, "c.txt", 3, third, null, sha256(THREE), 14, null, null,
                        "bob", null, null, null));
        String chain = null;
        for (int i = 0; i < events.size(); i++) {
            FileEvent event = events.get(i);
            String hash = EventHashes.hashOf(event, chain, CanonicalForm.WITH_CONTENT);
            store(event.withChain(chain, hash), i, event instanceof FileEditedEvent ? "1" : "2", "operationId",
                    event instanceof FileEditedEvent ? "editsHash" : null);
            chain = hash;
        }
        return chain;
    }

    /** The heads of the files, with the line of the project's own stream that creating the project began. */
    private TreeMap<String, String> withProjectStream(Project project, TreeMap<String, String> files) {
        TreeMap<String, String> heads = new TreeMap<>(files);
        jdbc.query("SELECT aggregateidentifier, payload FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", rs -> {
            try {
                heads.put(rs.getString(1), Api.JSON.readTree(rs.getBytes(2)).get("eventHash").asText());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, project.id());
        return heads;
    }

    private void claimPath(Project project, String fileId, String path) {
        jdbc.update("INSERT INTO file_paths (file_id, project_id, path, live, changed_at) "
                + "VALUES (?::uuid, ?::uuid, ?, true, now())", fileId, project.id(), path);
    }

    /** The JSON Jackson wrote for the older revision: the fields of today but those added since. */
    private void store(FileEvent event, long sequence, String revision, String... addedSince)
            throws JsonProcessingException {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>(Api.JSON.convertValue(event, Map.class));
        for (String added : addedSince) {
            if (added != null) {
                assertThat(fields).containsKey(added);
                fields.remove(added);
            }
        }
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, ?, 'FileAggregate', ?, ?, ?, ?, ?, ?)",
                event.fileId(), sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                Api.JSON.writeValueAsBytes(fields), revision, event.getClass().getName(),
                firstSaved.plusSeconds(sequence).toString());
    }
}
