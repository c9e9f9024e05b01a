package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.velocity.filehistory.launcher.Api.Project;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Projections can be reset and replayed from the event store, as often as needed, to the same rows: the reset
 * empties the read models, the replay fills them again.
 */
class ProjectionReplayIT extends RunningSystem {

    private static final String CURRENT = "SELECT * FROM current_files ORDER BY file_id";
    private static final String HISTORY = "SELECT * FROM file_versions ORDER BY file_id, version";
    private static final String PROJECTS = "SELECT * FROM file_projects ORDER BY file_id";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    ApplicationContext context;

    @Test
    void replayingTheProjectionsTwiceGivesTheSameRows() throws Exception {
        Project project = api.createProject("replay", "alice");
        api.save(project, "a.txt", "one", 0);
        api.save(project, "a.txt", "two", 1);
        api.move(project, "a.txt", "b.txt", 2);
        api.save(project, "c.txt", "three", 0);
        api.delete(project, "c.txt", 1);
        api.restore(project, "b.txt", 1, 3);
        api.save(project, "c.txt", "a new file where one was deleted", 0);
        assertThat(api.list(project, "?minVersion=1").json()).hasSize(2);
        List<Map<String, Object>> current = jdbc.queryForList(CURRENT);
        List<Map<String, Object>> history = jdbc.queryForList(HISTORY);
        List<Map<String, Object>> projects = jdbc.queryForList(PROJECTS);

        for (int replay = 1; replay <= 2; replay++) {
            plantRowsNoEventExplains();
            for (String name : List.of("file-read-models")) {
                StreamingEventProcessor processor =
                        processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
                processor.shutdownAsync().get(30, TimeUnit.SECONDS);
                processor.resetTokens();
                processor.start();
            }
            awaitRows(CURRENT, current);
            awaitRows(HISTORY, history);
            awaitRows(PROJECTS, projects);
        }
        // No save came after the replay: reads must not stay "behind" waiting for one.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(api.content(project, "b.txt", "").status()).isEqualTo(200));
    }

    @Test
    void deliveringEveryEventAgainChangesNoRow() throws Exception {
        Project project = api.createProject("redelivery", "alice");
        api.save(project, "x.txt", "one", 0);
        api.save(project, "x.txt", "two", 1);
        api.move(project, "x.txt", "y.txt", 2);
        api.delete(project, "y.txt", 3);
        api.restore(project, "y.txt", 2, 4);
        assertThat(api.content(project, "y.txt", "&minVersion=5").status()).isEqualTo(200);
        List<Map<String, Object>> current = jdbc.queryForList(CURRENT);
        List<Map<String, Object>> history = jdbc.queryForList(HISTORY);
        List<Map<String, Object>> projects = jdbc.queryForList(PROJECTS);
        List<AnnotationEventHandlerAdapter> projections = List.of(
                new AnnotationEventHandlerAdapter(context.getBean("currentFileProjection")),
                new AnnotationEventHandlerAdapter(context.getBean("fileHistoryProjection")),
                new AnnotationEventHandlerAdapter(context.getBean("fileProjectsProjection")));

        List<String> files = jdbc.queryForList("SELECT file_id::text FROM file_paths WHERE project_id = ?::uuid",
                String.class, project.id());
        for (String fileId : files) {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(fileId).asStream().toList();
            assertThat(events).hasSize(5);
            for (DomainEventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter projection : projections) {
                    projection.handle(event);
                }
            }
        }

        assertThat(jdbc.queryForList(CURRENT)).isEqualTo(current);
        assertThat(jdbc.queryForList(HISTORY)).isEqualTo(history);
        assertThat(jdbc.queryForList(PROJECTS)).isEqualTo(projects);
    }

    /**
     * Rows a replay alone cannot remove or repair: a file no event mentions, and a changed author on every row,
     * which the version guards keep a replayed event from overwriting (a file's project never changes, so a
     * replayed event does not overwrite that either). Only a reset that empties the tables makes
     * the replayed rows equal to the rows before.
     */
    private void plantRowsNoEventExplains() {
        jdbc.update("""
                INSERT INTO current_files (file_id, project_id, path, version, content_hash, size_bytes, file_type,
                                           deleted, created_at, updated_at, updated_by)
                SELECT gen_random_uuid(), project_id, 'planted.txt', version, content_hash, size_bytes, file_type,
                       deleted, created_at, updated_at, updated_by
                FROM current_files LIMIT 1""");
        jdbc.update("""
                INSERT INTO file_versions (file_id, version, project_id, path, kind, content_hash, size_bytes,
                                           file_type, at, by, message, position)
                SELECT gen_random_uuid(), version, project_id, 'planted.txt', kind, content_hash, size_bytes,
                       file_type, at, by, message, position
                FROM file_versions LIMIT 1""");
        jdbc.update("INSERT INTO file_projects (file_id, project_id) SELECT gen_random_uuid(), project_id "
                + "FROM file_projects LIMIT 1");
        jdbc.update("UPDATE current_files SET updated_by = 'planted'");
        jdbc.update("UPDATE file_versions SET by = 'planted'");
    }

    private void awaitRows(String query, List<Map<String, Object>> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(jdbc.queryForList(query)).isEqualTo(expected));
    }
}
