package dev.velocity.filehistory.query.readmodel;

import static dev.velocity.filehistory.query.readmodel.FileStream.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.velocity.filehistory.api.ProjectCreatedEvent;
import dev.velocity.filehistory.history.chain.EventHashes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The query side's own map of streams to projects: one row per file, from whichever of its events comes first, and
 * one for the project's own stream.
 */
class FileProjectsProjectionTest extends ReadModelsOnPostgres {

    @Test
    void everyFileIsMappedToItsProjectOnceWhateverItHears() {
        FileStream file = new FileStream(newProject(), FileStream.START);
        DomainEventMessage<?> created = file.created("a.txt", "one", null, "alice");
        DomainEventMessage<?> moved = file.moved("b.txt", hash("one"), 3, "bob");
        DomainEventMessage<?> deleted = file.deleted(hash("one"), 3, "bob");
        store(created, moved, deleted);
        awaitProjected(file, 3);

        for (DomainEventMessage<?> event : List.of(deleted, created, moved)) {
            deliverAgain(event);
        }

        assertThat(projectRows(file)).containsExactly(Map.of("project_id", UUID.fromString(file.projectId)));
    }

    @Test
    void aFileWhoseFirstEventIsMissingIsStillMapped() {
        FileStream file = new FileStream(newProject(), FileStream.START);
        file.created("a.txt", "one", null, "alice");
        DomainEventMessage<?> saved = file.saved("two", null, "alice");

        store(saved);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projectRows(file)).hasSize(1));
        assertThat(projectRows(file).get(0).get("project_id").toString()).isEqualTo(file.projectId);
    }

    @Test
    void aProjectsOwnStreamIsMappedToTheProject() {
        String project = newProject();
        ProjectCreatedEvent created = EventHashes.linked(new ProjectCreatedEvent(project, "demo", "alice", null, null),
                null);
        store(new GenericDomainEventMessage<>("ProjectAggregate", project, 0, created));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT project_id FROM file_projects WHERE file_id = ?::uuid", project))
                .containsExactly(Map.of("project_id", UUID.fromString(project))));
    }

    private List<Map<String, Object>> projectRows(FileStream file) {
        return jdbc.queryForList("SELECT project_id FROM file_projects WHERE file_id = ?::uuid", file.fileId);
    }
}
