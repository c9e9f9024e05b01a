package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.api.FileEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current-file read model: one row per file with its newest version, as {@link CurrentFileChange} says each
 * event changes it. Every write is guarded by the version, so an event seen twice (a replay, a redelivery) changes
 * nothing.
 */
@Component
@ProcessingGroup(ProjectionProcessor.NAME)
class CurrentFileProjection {

    private static final String UPSERT_CONTENT = """
            INSERT INTO current_files (file_id, project_id, path, version, content_hash, size_bytes,
                                       file_type, deleted, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (file_id) DO UPDATE SET
                path = EXCLUDED.path, version = EXCLUDED.version,
                content_hash = EXCLUDED.content_hash, size_bytes = EXCLUDED.size_bytes,
                file_type = COALESCE(EXCLUDED.file_type, current_files.file_type), deleted = EXCLUDED.deleted,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
            WHERE current_files.version < EXCLUDED.version
            """;
    private static final String UPDATE_KEEPING_CONTENT = """
            UPDATE current_files SET path = ?, version = ?, deleted = ?, updated_at = ?, updated_by = ?
            WHERE file_id = ? AND version < ?
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    CurrentFileProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(FileEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        CurrentFileChange change = CurrentFileChange.of(event, at);
        UUID fileId = UUID.fromString(change.fileId());
        Timestamp time = Timestamp.from(change.at());
        CurrentFileChange.Content content = change.content();
        if (content == null) {
            writes.write("current_files", UPDATE_KEEPING_CONTENT, change.path(), change.version(), change.deleted(),
                    time, change.by(), fileId, change.version());
        } else {
            writes.write("current_files", UPSERT_CONTENT, fileId, UUID.fromString(change.projectId()), change.path(),
                    change.version(), content.hash(), content.sizeBytes(), content.fileType(), change.deleted(), time,
                    time, change.by());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE current_files");
    }
}
