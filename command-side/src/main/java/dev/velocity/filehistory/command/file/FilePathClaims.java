package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.platform.eventstore.DuplicateKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based validation of paths. Runs in a subscribing processor, inside the transaction that appends the
 * file's events, so a path taken by a concurrent create rolls the events back too. The partial unique index on
 * live paths decides every race; no read model is consulted.
 */
@Component
@ProcessingGroup(FilePathClaims.PROCESSING_GROUP)
class FilePathClaims {

    static final String PROCESSING_GROUP = "file-paths";

    private final JdbcTemplate jdbc;

    FilePathClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FileCreatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        claim(event.path(), true, () -> jdbc.update(
                "INSERT INTO file_paths (file_id, project_id, path, live, changed_at) VALUES (?, ?, ?, true, ?)",
                UUID.fromString(event.fileId()), UUID.fromString(event.projectId()), event.path(), Timestamp.from(at)));
    }

    @EventHandler
    void on(FileMovedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        claim(event.toPath(), false, () -> jdbc.update("UPDATE file_paths SET path = ?, changed_at = ? WHERE file_id = ?",
                event.toPath(), Timestamp.from(at), UUID.fromString(event.fileId())));
    }

    @EventHandler
    void on(FileDeletedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE file_paths SET live = false, changed_at = ? WHERE file_id = ?",
                Timestamp.from(at), UUID.fromString(event.fileId()));
    }

    @EventHandler
    void on(FileRestoredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        claim(event.path(), false, () -> jdbc.update(
                "UPDATE file_paths SET live = true, changed_at = ? WHERE file_id = ? AND NOT live",
                Timestamp.from(at), UUID.fromString(event.fileId())));
    }

    private static void claim(String path, boolean create, Runnable write) {
        try {
            write.run();
        } catch (DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new PathTakenException(path, create);
            }
            throw e;
        }
    }
}
