package dev.velocity.filehistory.query.timeline;

import dev.velocity.filehistory.query.readmodel.CatchUpWait;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The project-wide views of the history read models: every change across the files, and the paths a user can
 * undelete. Both page with a keyset (position, path), so a page costs the same whatever the history holds.
 */
@Service
public class ProjectTimeline {

    /** Named apart from a file history's entry: the OpenAPI description would merge two schemas called Entry. */
    @Schema(name = "TimelineEntry")
    public record Entry(long position, UUID fileId, String path, String fromPath, int version, String kind,
                        Instant at, String by, String message) {
    }

    /** One page and the cursor of the next one (null on the last page). */
    public record Page<T, C>(List<T> items, C next) {
    }

    public record DeletedFile(String path, UUID fileId, int version, Instant deletedAt, String deletedBy) {
    }

    private final JdbcTemplate jdbc;
    private final CatchUpWait catchUp;

    ProjectTimeline(JdbcTemplate jdbc, CatchUpWait catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /** Entries newest first below {@code before} (an audit-stream position), {@code limit} of them. */
    public Page<Entry, Long> entries(UUID projectId, Long before, int limit, boolean awaitCatchUp) {
        if (awaitCatchUp) {
            catchUp.awaitEventStoreHead();
        }
        // A move's previous path is the path of the version before it, on the primary key (file_id, version).
        List<Entry> rows = new ArrayList<>(jdbc.query("""
                        SELECT v.position, v.file_id, v.path, p.path AS from_path, v.version, v.kind, v.at, v.by,
                               v.message
                        FROM file_versions v
                        LEFT JOIN file_versions p
                               ON v.kind = 'MOVED' AND p.file_id = v.file_id AND p.version = v.version - 1
                        WHERE v.project_id = ? AND v.position < ?
                        ORDER BY v.position DESC LIMIT ?
                        """,
                (rs, i) -> new Entry(rs.getLong("position"), rs.getObject("file_id", UUID.class),
                        rs.getString("path"), rs.getString("from_path"), rs.getInt("version"), rs.getString("kind"),
                        rs.getTimestamp("at").toInstant(), rs.getString("by"), rs.getString("message")),
                projectId, before == null ? Long.MAX_VALUE : before.longValue(), limit + 1));
        Long next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = rows.get(limit - 1).position();
        }
        return new Page<>(rows, next);
    }

    /**
     * Paths with no live file whose newest file there is deleted, in code point order after {@code after}.
     * A path deleted and then created anew is live, so not listed.
     */
    public Page<DeletedFile, String> deleted(UUID projectId, String after, int limit, boolean awaitCatchUp) {
        if (awaitCatchUp) {
            catchUp.awaitEventStoreHead();
        }
        List<DeletedFile> rows = new ArrayList<>(jdbc.query("""
                        SELECT DISTINCT ON (c.path COLLATE "C") c.path, c.file_id, c.version, c.updated_at,
                               c.updated_by
                        FROM current_files c
                        WHERE c.project_id = ? AND c.deleted AND c.path COLLATE "C" > ?
                          AND NOT EXISTS (SELECT 1 FROM current_files l
                                          WHERE l.project_id = c.project_id AND l.path = c.path AND NOT l.deleted)
                        ORDER BY c.path COLLATE "C", c.updated_at DESC LIMIT ?
                        """,
                (rs, i) -> new DeletedFile(rs.getString("path"), rs.getObject("file_id", UUID.class),
                        rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")),
                projectId, after == null ? "" : after, limit + 1));
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = rows.get(limit - 1).path();
        }
        return new Page<>(rows, next);
    }
}
