package dev.velocity.filehistory.query.file;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the two read models. Paths sort by code point ({@code COLLATE "C"}), the same on every machine. */
@Component
class FileReadModel {

    record CurrentFile(UUID fileId, String path, int version, String contentHash, long sizeBytes,
                       String fileType, boolean deleted, Instant updatedAt, String updatedBy) {
    }

    record Version(UUID fileId, int version, String path, String kind, String contentHash,
                   long sizeBytes, String fileType, Instant at, String by, String message) {
    }

    private final JdbcTemplate jdbc;

    FileReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CurrentFile> liveFiles(UUID projectId) {
        return jdbc.query("SELECT file_id, path, version, content_hash, size_bytes, file_type, "
                + "deleted, updated_at, updated_by FROM current_files WHERE project_id = ? AND NOT deleted "
                + "ORDER BY path COLLATE \"C\", updated_at DESC", FileReadModel::currentFile, projectId);
    }

    /** The live file at the path, else the most recently deleted one there. */
    Optional<CurrentFile> atPath(UUID projectId, String path) {
        return jdbc.query("SELECT * FROM current_files WHERE project_id = ? AND path = ? "
                        + "ORDER BY deleted, updated_at DESC LIMIT 1", FileReadModel::currentFile, projectId, path)
                .stream().findFirst();
    }

    /**
     * A history entry; a move or delete keeps the content (and so the type) of the entry before it. The content
     * itself is read from the event store ({@code FileContents}).
     */
    Optional<Version> version(UUID fileId, int version) {
        return jdbc.query("""
                        SELECT v.file_id, v.version, v.path, v.kind, v.content_hash, v.size_bytes, v.at, v.by,
                               v.message, c.file_type
                        FROM file_versions v
                        LEFT JOIN LATERAL (
                            SELECT file_type FROM file_versions p
                            WHERE p.file_id = v.file_id AND p.version <= v.version
                              AND p.kind IN ('CREATED', 'SAVED', 'RESTORED')
                            ORDER BY p.version DESC LIMIT 1) c ON true
                        WHERE v.file_id = ? AND v.version = ?
                        """,
                (rs, i) -> new Version(rs.getObject("file_id", UUID.class), rs.getInt("version"),
                        rs.getString("path"), rs.getString("kind"),
                        rs.getString("content_hash"), rs.getLong("size_bytes"), rs.getString("file_type"),
                        rs.getTimestamp("at").toInstant(), rs.getString("by"), rs.getString("message")),
                fileId, version).stream().findFirst();
    }

    /** Entries newest first, below {@code before} when given; content is not loaded. */
    List<Version> history(UUID fileId, Integer before, int limit) {
        return jdbc.query("SELECT file_id, version, path, kind, content_hash, size_bytes, file_type, at, by, message "
                        + "FROM file_versions WHERE file_id = ? AND version < ? ORDER BY version DESC LIMIT ?",
                (rs, i) -> new Version(rs.getObject("file_id", UUID.class), rs.getInt("version"),
                        rs.getString("path"), rs.getString("kind"), rs.getString("content_hash"),
                        rs.getLong("size_bytes"), rs.getString("file_type"), rs.getTimestamp("at").toInstant(),
                        rs.getString("by"), rs.getString("message")),
                fileId, before == null ? Integer.MAX_VALUE : before, limit);
    }

    boolean hasVersion(UUID fileId, int version) {
        Boolean found = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM file_versions WHERE file_id = ? AND version >= ?)",
                Boolean.class, fileId, version);
        return Boolean.TRUE.equals(found);
    }

    private static CurrentFile currentFile(ResultSet rs, int row) throws SQLException {
        return new CurrentFile(rs.getObject("file_id", UUID.class), rs.getString("path"), rs.getInt("version"),
                rs.getString("content_hash"), rs.getLong("size_bytes"),
                rs.getString("file_type"), rs.getBoolean("deleted"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
