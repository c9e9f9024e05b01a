package dev.velocity.filehistory.query.readmodel;

import static dev.velocity.filehistory.query.readmodel.FileStream.hash;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/** The version-history read model: one row per event of a file, written once, at its place in the audit stream. */
class FileHistoryProjectionTest extends ReadModelsOnPostgres {

    @Test
    void everyKindOfChangeIsOneEntryAtItsEventsPosition() {
        FileStream file = new FileStream(newProject(), FileStream.START);
        List<DomainEventMessage<?>> events = List.of(
                file.created("src/a.js", "one", "javascript", "alice"),
                file.saved("two!", null, "bob"),
                file.edited("three", "alice"),
                file.moved("lib/a.js", hash("three"), 5, "bob"),
                file.deleted(hash("three"), 5, "alice"),
                file.restored(2, "two!", "javascript", "bob"));
        events.forEach(this::store);

        awaitProjected(file, 6);

        List<Map<String, Object>> rows = historyRows(file);
        assertThat(rows).extracting(row -> row.get("kind")).containsExactly(
                "CREATED", "SAVED", "SAVED", "MOVED", "DELETED", "RESTORED");
        assertThat(rows).extracting(row -> row.get("path")).containsExactly(
                "src/a.js", "src/a.js", "src/a.js", "lib/a.js", "lib/a.js", "lib/a.js");
        assertThat(rows).extracting(row -> row.get("content_hash")).containsExactly(
                hash("one"), hash("two!"), hash("three"), hash("three"), hash("three"), hash("two!"));
        assertThat(rows).extracting(row -> row.get("by")).containsExactly(
                "alice", "bob", "alice", "bob", "alice", "bob");
        assertThat(rows).extracting(row -> row.get("message")).containsExactly(
                "created", "saved", "edited", "moved", "deleted", "Restored version 2");
        assertThat(rows).extracting(row -> row.get("file_type")).containsExactly(
                "javascript", null, null, null, null, "javascript");
        assertThat(rows).extracting(row -> ((Timestamp) row.get("at")).toInstant()).as("the time of each event")
                .containsExactly(file.at(1), file.at(2), file.at(3), file.at(4), file.at(5), file.at(6));
        List<Long> positions = new ArrayList<>();
        events.forEach(event -> positions.add(positionOf(event)));
        assertThat(rows).extracting(row -> row.get("position")).containsExactlyElementsOf(positions);
        assertThat(rows).extracting(row -> row.get("project_id").toString()).containsOnly(file.projectId);
    }

    @Test
    void anEventHeardAgainAddsNoEntryAndChangesNone() {
        FileStream file = new FileStream(newProject(), FileStream.START);
        DomainEventMessage<?> created = file.created("a.txt", "one", null, "alice");
        DomainEventMessage<?> moved = file.moved("b.txt", hash("one"), 3, "bob");
        DomainEventMessage<?> deleted = file.deleted(hash("one"), 3, "alice");
        DomainEventMessage<?> restored = file.restored(1, "one", null, "bob");
        store(created, moved, deleted, restored);
        awaitProjected(file, 4);
        List<Map<String, Object>> before = historyRows(file);

        for (DomainEventMessage<?> event : List.of(restored, created, deleted, moved, created)) {
            deliverAgain(event);
        }

        assertThat(historyRows(file)).hasSize(4).isEqualTo(before);
    }

    @Test
    void theHistoriesOfTwoFilesAtOnePathStayApart() {
        List<FileStream> files = aDeletedFileAndANewOneAtItsPath();
        FileStream old = files.get(0);
        FileStream replacement = files.get(1);

        assertThat(historyRows(old)).extracting(row -> row.get("kind")).containsExactly("CREATED", "DELETED");
        assertThat(historyRows(replacement)).extracting(row -> row.get("kind")).containsExactly("CREATED");
        assertThat(historyRows(replacement).get(0).get("content_hash")).isEqualTo(hash("new"));
    }
}
