package dev.velocity.filehistory.query.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The files of a project as the query side knows them from the events it has handled ({@code file_projects}). */
@Component
class ProjectFiles {

    private final JdbcTemplate jdbc;

    ProjectFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The identifiers of the project's files, which are the aggregate identifiers of their event streams. */
    List<String> of(UUID projectId) {
        return jdbc.queryForList("SELECT file_id::text FROM file_projects WHERE project_id = ?", String.class,
                projectId);
    }
}
