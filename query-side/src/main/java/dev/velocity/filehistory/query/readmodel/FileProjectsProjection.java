package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.ProjectEvent;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The query side's own map of event streams to projects ({@code file_projects}: each file's stream, and the
 * project's own), by which the audit stream and the verification select a project's events. Every event names its
 * project, so a file is mapped even when an earlier event of its stream is missing (damage the verification must
 * still report). A stream never changes project, so an insert that finds the row changes nothing.
 */
@Component
@ProcessingGroup(ProjectionProcessor.NAME)
class FileProjectsProjection {

    private static final String INSERT = "INSERT INTO file_projects (file_id, project_id) VALUES (?, ?) "
            + "ON CONFLICT (file_id) DO NOTHING";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    FileProjectsProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(FileEvent event) {
        map(event.fileId(), event.projectId());
    }

    /** The project's own stream is selected with its files: its aggregate identifier is the project id. */
    @EventHandler
    void on(ProjectEvent event) {
        map(event.projectId(), event.projectId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE file_projects");
    }

    private void map(String fileId, String projectId) {
        writes.write("file_projects", INSERT, UUID.fromString(fileId), UUID.fromString(projectId));
    }
}
