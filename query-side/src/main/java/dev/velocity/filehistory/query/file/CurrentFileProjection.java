package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current-file read model: one row per file with its newest version. Every write is guarded by the version,
 * so an event seen twice (a replay, a redelivery) changes nothing.
 */
@Component
@ProcessingGroup(ReadModelProcessor.NAME)
class CurrentFileProjection {

    private static final String UPSERT_CONTENT = """
            INSERT INTO current_files (file_id, project_id, path, version, content_hash, size_bytes,
                                       file_type, deleted, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)
            ON CONFLICT (file_id) DO UPDATE SET
                path = EXCLUDED.path, version = EXCLUDED.version,
                content_hash = EXCLUDED.content_hash, size_bytes = EXCLUDED.size_bytes,
                file_type = COALESCE(EXCLUDED.file_type, current_files.file_type), deleted = false,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
            WHERE current_files.version < EXCLUDED.version
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    CurrentFileProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(FileCreatedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.fileId(), e.projectId(), e.path(), e.version(), e.contentHash(), e.sizeBytes(),
                e.fileType(), at, e.author());
    }

    @EventHandler
    void on(FileVersionSavedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.fileId(), e.projectId(), e.path(), e.version(), e.contentHash(), e.sizeBytes(),
                e.fileType(), at, e.author());
    }

    @EventHandler
    void on(FileEditedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.fileId(), e.projectId(), e.path(), e.version(), e.contentHash(), e.sizeBytes(),
                e.fileType(), at, e.author());
    }

    @EventHandler
    void on(FileRestoredEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.fileId(), e.projectId(), e.path(), e.version(), e.contentHash(), e.sizeBytes(),
                e.fileType(), at, e.author());
    }

    @EventHandler
    void on(FileMovedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        writes.write("current_files", "UPDATE current_files SET path = ?, version = ?, updated_at = ?, updated_by = ? "
                        + "WHERE file_id = ? AND version < ?",
                e.toPath(), e.version(), Timestamp.from(at), e.author(), UUID.fromString(e.fileId()), e.version());
    }

    @EventHandler
    void on(FileDeletedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        writes.write("current_files", "UPDATE current_files SET deleted = true, version = ?, updated_at = ?, updated_by = ? "
                        + "WHERE file_id = ? AND version < ?",
                e.version(), Timestamp.from(at), e.author(), UUID.fromString(e.fileId()), e.version());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE current_files");
    }

    private void upsert(String fileId, String projectId, String path, int version, String hash, long size,
                        String fileType, Instant at, String by) {
        Timestamp time = Timestamp.from(at);
        writes.write("current_files", UPSERT_CONTENT, UUID.fromString(fileId), UUID.fromString(projectId), path, version,
                hash, size, fileType, time, time, by);
    }
}
