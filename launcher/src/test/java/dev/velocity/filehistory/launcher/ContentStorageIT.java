package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.launcher.Api.Project;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long-lived file as an editor autosaves it: small edits of a large text are stored as line edits with a full
 * keyframe now and then, and yet every version reads back exactly, across moves, deletes and restores.
 */
class ContentStorageIT extends RunningSystem {

    private static final int SAVES = 130;
    /**
     * What every event spends beside its content: its place in the hash chain, two hex SHA-256 fields
     * (docs/audit.md), and its operation (null for a save).
     */
    private static final long HASH_CHAIN_BYTES = 2 * ("\"previousHash\":\"\",".length() + 64)
            + "\"operationId\":null,".length();
    /** What a save stored as line edits spends on the hash that puts its edits in the chain. */
    private static final long EDITS_HASH_BYTES = "\"editsHash\":\"\",".length() + 64;

    private static String source(int edit) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 300; line++) {
            text.append(line == edit % 300 ? "    // edited in save " + edit : "    const value" + line + " = f(" + line + ");")
                    .append('\n');
        }
        return text.toString();
    }

    @Test
    void everyVersionOfAnAutosavedFileReadsBackExactlyWhileStorageStaysSmall() {
        Project project = api.createProject("storage", "alice");
        List<String> versions = new ArrayList<>(); // index = version
        versions.add(null);
        String path = "src/app.js";
        for (int save = 0; save < SAVES; save++) {
            String text = source(save);
            assertThat(api.save(project, path, text, versions.size() - 1).version()).isEqualTo(versions.size());
            versions.add(text);
            if (save == 60) {
                assertThat(api.move(project, path, "lib/app.js", versions.size() - 1).version())
                        .isEqualTo(versions.size());
                versions.add(text);
                path = "lib/app.js";
            }
        }
        int newest = versions.size() - 1;
        assertThat(api.delete(project, path, newest).version()).isEqualTo(newest + 1);
        versions.add(versions.get(newest));
        assertThat(api.restore(project, path, 40, newest + 1).version()).isEqualTo(newest + 2);
        versions.add(versions.get(40));
        api.content(project, path, "&minVersion=" + (newest + 2));

        for (int version = 1; version < versions.size(); version++) {
            Api.Response read = api.content(project, path, "&version=" + version);
            assertThat(read.json().get("content").asText()).as("version %d", version)
                    .isEqualTo(versions.get(version));
            assertThat(read.json().get("contentHash").asText()).isEqualTo(sha256(versions.get(version)));
        }
        assertThat(api.content(project, path, "").json().get("content").asText()).isEqualTo(versions.get(40));
        assertThat(api.diff(project, path, 2, 3).body()).contains("-    // edited in save 1", "+    // edited in save 2");

        String fileId = api.content(project, path, "").json().get("fileId").asText();
        long edited = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%FileEditedEvent'", Long.class, fileId);
        long keyframes = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%FileVersionSavedEvent'", Long.class, fileId);
        long payloadBytes = jdbc.queryForObject("SELECT sum(octet_length(payload)) FROM domainevententry "
                + "WHERE aggregateidentifier = ?", Long.class, fileId);
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, fileId);
        assertThat(edited).as("saves stored as edits").isGreaterThan(SAVES - 10L);
        assertThat(keyframes).as("a full keyframe after a hundred versions of edits").isGreaterThanOrEqualTo(1);
        assertThat(payloadBytes - events * HASH_CHAIN_BYTES - edited * EDITS_HASH_BYTES)
                .as("stored payload bytes beyond the hash chain against %d full copies", SAVES)
                .isLessThan(10L * source(0).length());
    }
}
