package dev.velocity.filehistory.query.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event streams of a project as the query side knows them from the events it has handled ({@code file_projects}):
 * its files', and its own when it has one.
 */
@Component
class ProjectFiles {

    private final JdbcTemplate jdbc;

    ProjectFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate identifiers of the project's streams: its files' ids, and the project id for its own. */
    List<String> of(UUID projectId) {
        return jdbc.queryForList("SELECT file_id::text FROM file_projects WHERE project_id = ?", String.class,
                projectId);
    }
}
