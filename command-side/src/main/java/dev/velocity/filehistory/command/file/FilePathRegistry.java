package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.platform.eventstore.EventTable;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * A file and the newest version its event stream holds as this is read: what a command's aggregate, which may
     * come from this node's cache, must have seen at least (another node may have saved since it was cached).
     */
    record StoredFile(String fileId, int storedVersion) {
    }

    Optional<StoredFile> liveFile(UUID projectId, String path) {
        return first(jdbc.query(STORED + "WHERE f.project_id = ? AND f.path = ? AND f.live", FilePathRegistry::stored,
                projectId, path));
    }

    /** The live file at the path, else the file most recently deleted there. */
    Optional<StoredFile> liveOrLastDeletedFile(UUID projectId, String path) {
        return first(jdbc.query(STORED + "WHERE f.project_id = ? AND f.path = ? "
                + "ORDER BY f.live DESC, f.changed_at DESC LIMIT 1", FilePathRegistry::stored, projectId, path));
    }

    /** The stored version is read in the same statement: this runs on every save. */
    private static final String STORED = "SELECT f.file_id, " + EventTable.storedVersionOf("f.file_id::text")
            + " AS stored_version FROM file_paths f ";

    private static StoredFile stored(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getObject(1, UUID.class).toString(), rs.getInt(2));
    }

    private static Optional<StoredFile> first(List<StoredFile> files) {
        return files.stream().findFirst();
    }
}
