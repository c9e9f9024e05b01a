package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.SaveFileCommand;
import dev.velocity.filehistory.platform.Sha256;

/** The file of {@link FileAggregateTest}: src/a.js of one project, its events and saves as drafts. */
final class FileAggregateFixtures {

    static final String PROJECT = "8d3c2a54-5a0e-4f7e-9d3c-0c6a4a1f0b11";
    static final String FILE = "2b1e9d7a-3c44-4a55-8b66-7d88e99f0a01";
    static final String V1 = "one", V2 = "two", V3 = "three";

    private FileAggregateFixtures() {
    }

    static FileCreatedEvent created() {
        return created(V1);
    }

    static FileCreatedEvent created(String content) {
        return new FileCreatedEvent(PROJECT, FILE, "src/a.js", 1, content, hash(content), content.length(),
                "javascript", null, "alice", null, null, null);
    }

    static FileVersionSavedEvent saved(int version, String content) {
        return new FileVersionSavedEvent(PROJECT, FILE, "src/a.js", version, content, hash(content),
                content.length(), "javascript", null, "bob", null, null, null);
    }

    static FileMovedEvent moved(int version) {
        return new FileMovedEvent(PROJECT, FILE, "src/a.js", "lib/a.js", version, hash(V1), 3, null, "carol", null,
                null, null);
    }

    static FileDeletedEvent deleted(int version) {
        return new FileDeletedEvent(PROJECT, FILE, "src/a.js", version, hash(V1), 3, null, "dave", null, null,
                null);
    }

    static FileRestoredEvent restoredOne(int version) {
        return new FileRestoredEvent(PROJECT, FILE, "src/a.js", version, 1, V1, hash(V1), 3, "javascript", null,
                "erin", null, null, null);
    }

    static SaveFileCommand save(String content, Integer expectedVersion) {
        return new SaveFileCommand(FILE, "src/a.js", content, hash(content), content.length(), null, null,
                expectedVersion, "bob");
    }

    static String hash(String content) {
        return Sha256.hex(content);
    }
}
