package dev.velocity.filehistory.query.readmodel;

import static dev.velocity.filehistory.query.readmodel.FileStream.hash;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/** The current-file read model: one row per file with its newest version, whatever order or how often it hears. */
class CurrentFileProjectionTest extends ReadModelsOnPostgres {

    @Test
    void eachKindOfChangeLeavesTheFilesNewestVersion() {
        FileStream file = new FileStream(newProject(), FileStream.START);

        store(file.created("src/a.js", "one", "javascript", "alice"));
        awaitProjected(file, 1);
        assertCurrent(file, "src/a.js", 1, hash("one"), 3, false, "alice");
        assertThat(currentRow(file).get("file_type")).isEqualTo("javascript");

        store(file.saved("two!", null, "bob"));
        awaitProjected(file, 2);
        assertCurrent(file, "src/a.js", 2, hash("two!"), 4, false, "bob");
        assertThat(currentRow(file).get("file_type")).as("a save without a type keeps it").isEqualTo("javascript");
        assertThat(instant(currentRow(file), "created_at")).as("created once").isEqualTo(file.at(1));

        store(file.edited("three", "alice"));
        awaitProjected(file, 3);
        assertCurrent(file, "src/a.js", 3, hash("three"), 5, false, "alice");

        store(file.moved("lib/a.js", hash("three"), 5, "bob"));
        awaitProjected(file, 4);
        assertCurrent(file, "lib/a.js", 4, hash("three"), 5, false, "bob");

        store(file.deleted(hash("three"), 5, "alice"));
        awaitProjected(file, 5);
        assertCurrent(file, "lib/a.js", 5, hash("three"), 5, true, "alice");

        store(file.restored(2, "two!", null, "bob"));
        awaitProjected(file, 6);
        assertCurrent(file, "lib/a.js", 6, hash("two!"), 4, false, "bob");
        assertThat(instant(currentRow(file), "created_at")).isEqualTo(file.at(1));
        assertThat(currentRow(file).get("project_id").toString()).isEqualTo(file.projectId);
    }

    @Test
    void anEventHeardAgainChangesNothing() {
        FileStream file = new FileStream(newProject(), FileStream.START);
        DomainEventMessage<?> created = file.created("a.txt", "one", null, "alice");
        DomainEventMessage<?> moved = file.moved("b.txt", hash("one"), 3, "bob");
        DomainEventMessage<?> deleted = file.deleted(hash("one"), 3, "alice");
        store(created);
        store(moved);
        store(deleted);
        awaitProjected(file, 3);
        Map<String, Object> before = currentRow(file);

        for (DomainEventMessage<?> event : new DomainEventMessage<?>[] {created, moved, deleted, deleted}) {
            deliverAgain(event);
        }

        assertThat(currentRow(file)).isEqualTo(before);
    }

    @Test
    void anOlderEventHeardAfterANewerOneCannotTurnTheFileBack() {
        FileStream file = new FileStream(newProject(), FileStream.START);
        DomainEventMessage<?> created = file.created("a.txt", "one", null, "alice");
        DomainEventMessage<?> saved = file.saved("two", null, "alice");
        DomainEventMessage<?> moved = file.moved("b.txt", hash("two"), 3, "bob");
        DomainEventMessage<?> deleted = file.deleted(hash("two"), 3, "bob");
        store(created, saved, moved, deleted);
        awaitProjected(file, 4);
        Map<String, Object> deletedRow = currentRow(file);

        deliverAgain(saved);
        deliverAgain(created);
        assertThat(currentRow(file)).as("an older save does not bring the deleted file back").isEqualTo(deletedRow);

        DomainEventMessage<?> restored = file.restored(1, "one", null, "alice");
        store(restored);
        awaitProjected(file, 5);
        Map<String, Object> restoredRow = currentRow(file);
        deliverAgain(deleted);
        deliverAgain(moved);
        assertThat(currentRow(file)).as("an older delete or move does not undo the restore").isEqualTo(restoredRow);
        assertCurrent(file, "b.txt", 5, hash("one"), 3, false, "alice");
    }

    @Test
    void aNewFileAtADeletedFilesPathIsARowOfItsOwn() {
        List<FileStream> files = aDeletedFileAndANewOneAtItsPath();
        FileStream old = files.get(0);
        FileStream replacement = files.get(1);

        assertCurrent(old, "a.txt", 2, hash("old"), 3, true, "alice");
        assertCurrent(replacement, "a.txt", 1, hash("new"), 3, false, "bob");
    }

    private void assertCurrent(FileStream file, String path, int version, String contentHash, long size,
                               boolean deleted, String by) {
        Map<String, Object> row = currentRow(file);
        assertThat(row.get("path")).isEqualTo(path);
        assertThat(row.get("version")).isEqualTo(version);
        assertThat(row.get("content_hash")).isEqualTo(contentHash);
        assertThat(row.get("size_bytes")).isEqualTo(size);
        assertThat(row.get("deleted")).isEqualTo(deleted);
        assertThat(row.get("updated_by")).isEqualTo(by);
        assertThat(instant(row, "updated_at")).as("the time of the event").isEqualTo(file.at(version));
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
