package dev.velocity.filehistory.command.file;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which file a path names, read from the claims that are written with the events (never from a read model). */
@Component
class FilePathRegistry {

    private final JdbcTemplate jdbc;

    FilePathRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> liveFile(UUID projectId, String path) {
        return first(jdbc.queryForList(
                "SELECT file_id FROM file_paths WHERE project_id = ? AND path = ? AND live",
                UUID.class, projectId, path));
    }

    /** The live file at the path, else the file most recently deleted there. */
    Optional<String> liveOrLastDeletedFile(UUID projectId, String path) {
        return first(jdbc.queryForList(
                "SELECT file_id FROM file_paths WHERE project_id = ? AND path = ? "
                        + "ORDER BY live DESC, changed_at DESC LIMIT 1",
                UUID.class, projectId, path));
    }

    private static Optional<String> first(List<UUID> ids) {
        return ids.stream().findFirst().map(UUID::toString);
    }
}
