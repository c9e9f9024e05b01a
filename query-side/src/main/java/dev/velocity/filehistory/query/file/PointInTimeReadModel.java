package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.query.file.FileReadModel.CurrentFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The project as it stood at a point in its history, read from the history read model: for each of the project's
 * files (every file has a row in current_files), its newest entry at or before the point, found by walking the
 * primary key (file_id, version) down from the newest version. A file created later has no such entry and drops
 * out; one moved later still shows its old path; one deleted later is still live.
 */
@Component
class PointInTimeReadModel {

    private static final String AS_OF = """
            SELECT v.file_id, v.path, v.version, v.content_hash, v.size_bytes, t.file_type,
                   v.kind = 'DELETED' AS deleted, v.at, v.by
            FROM current_files f
            CROSS JOIN LATERAL (
                SELECT * FROM file_versions e
                WHERE e.file_id = f.file_id AND e.%s <= ?
                ORDER BY e.version DESC LIMIT 1) v
            LEFT JOIN LATERAL (
                SELECT file_type FROM file_versions p
                WHERE p.file_id = v.file_id AND p.version <= v.version AND p.file_type IS NOT NULL
                ORDER BY p.version DESC LIMIT 1) t ON true
            WHERE f.project_id = ?
            """;

    private final JdbcTemplate jdbc;

    PointInTimeReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The files live at that point, sorted by path as {@link FileReadModel#liveFiles} sorts them. */
    List<CurrentFile> liveFiles(UUID projectId, AsOf asOf) {
        return jdbc.query(asOf(asOf) + " AND v.kind <> 'DELETED' ORDER BY v.path COLLATE \"C\", v.at DESC",
                PointInTimeReadModel::file, bound(asOf), projectId);
    }

    /** The file live at the path at that point, else the one most recently deleted there before it. */
    Optional<CurrentFile> atPath(UUID projectId, String path, AsOf asOf) {
        return jdbc.query(asOf(asOf) + " AND v.path = ? ORDER BY v.kind = 'DELETED', v.at DESC LIMIT 1",
                PointInTimeReadModel::file, bound(asOf), projectId, path).stream().findFirst();
    }

    private static String asOf(AsOf asOf) {
        return AS_OF.formatted(asOf.position() != null ? "position" : "at");
    }

    private static Object bound(AsOf asOf) {
        return asOf.position() != null ? asOf.position() : Timestamp.from(asOf.at());
    }

    private static CurrentFile file(ResultSet rs, int row) throws SQLException {
        return new CurrentFile(rs.getObject("file_id", UUID.class), rs.getString("path"), rs.getInt("version"),
                rs.getString("content_hash"), rs.getLong("size_bytes"), rs.getString("file_type"),
                rs.getBoolean("deleted"), rs.getTimestamp("at").toInstant(), rs.getString("by"));
    }
}
