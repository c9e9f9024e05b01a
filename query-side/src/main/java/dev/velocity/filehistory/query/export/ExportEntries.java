package dev.velocity.filehistory.query.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A project's history entries in audit-stream order, a page at a time, read from the history read model. */
@Component
class ExportEntries {

    /** One history entry; {@code previousPath} is the path of the file's entry before it (null for the first). */
    record Entry(long position, UUID fileId, int version, String kind, String path, String previousPath,
                 String contentHash, Instant at, String by, String message) {
    }

    private final JdbcTemplate jdbc;

    ExportEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's newest entry position, 0 when it has none. */
    long newestPosition(UUID projectId) {
        Long newest = jdbc.queryForObject("SELECT max(position) FROM file_versions WHERE project_id = ?",
                Long.class, projectId);
        return newest == null ? 0 : newest;
    }

    /** Up to {@code limit} entries with {@code after < position <= upTo}, oldest first. */
    List<Entry> page(UUID projectId, long after, long upTo, int limit) {
        return jdbc.query("""
                        SELECT v.position, v.file_id, v.version, v.kind, v.path, p.path AS previous_path,
                               v.content_hash, v.at, v.by, v.message
                        FROM file_versions v
                        LEFT JOIN file_versions p ON p.file_id = v.file_id AND p.version = v.version - 1
                        WHERE v.project_id = ? AND v.position > ? AND v.position <= ?
                        ORDER BY v.position LIMIT ?
                        """,
                (rs, i) -> new Entry(rs.getLong("position"), rs.getObject("file_id", UUID.class),
                        rs.getInt("version"), rs.getString("kind"), rs.getString("path"),
                        rs.getString("previous_path"), rs.getString("content_hash"),
                        rs.getTimestamp("at").toInstant(), rs.getString("by"), rs.getString("message")),
                projectId, after, upTo, limit);
    }
}
