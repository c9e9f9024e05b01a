package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.history.ChangeKind;
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

    /** A change that puts the file at a path or makes it live claims that path; a save keeps the claim it has. */
    @EventHandler
    void on(FileEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Timestamp time = Timestamp.from(at);
        UUID fileId = UUID.fromString(event.fileId());
        switch (ChangeKind.of(event)) {
            case CREATED -> claim(event.path(), true, () -> jdbc.update(
                    "INSERT INTO file_paths (file_id, project_id, path, live, changed_at) VALUES (?, ?, ?, true, ?)",
                    fileId, UUID.fromString(event.projectId()), event.path(), time));
            case MOVED -> claim(event.path(), false, () -> jdbc.update(
                    "UPDATE file_paths SET path = ?, changed_at = ? WHERE file_id = ?", event.path(), time, fileId));
            case DELETED -> jdbc.update("UPDATE file_paths SET live = false, changed_at = ? WHERE file_id = ?",
                    time, fileId);
            case RESTORED -> claim(event.path(), false, () -> jdbc.update(
                    "UPDATE file_paths SET live = true, changed_at = ? WHERE file_id = ? AND NOT live", time, fileId));
            case SAVED -> {
                // the file stays where it is
            }
        }
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
