package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.api.FileChangedView;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileKind;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.FindFileChangesQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version-history read model: one row per history entry, inserted once ({@code ON CONFLICT DO NOTHING}), with
 * the position of its event in the audit stream, which point-in-time reads and the export order by.
 * After the row is stored, live subscribers hear of it (the emitter waits for the commit); replays stay quiet.
 */
@Component
@ProcessingGroup(ReadModelProcessor.NAME)
class FileHistoryProjection {

    private static final String INSERT = """
            INSERT INTO file_versions (file_id, version, project_id, path, kind, content_hash, size_bytes, file_type,
                                       at, by, message, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, version) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter updates;

    FileHistoryProjection(JdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(FileCreatedEvent e, @org.axonframework.eventhandling.Timestamp Instant at, TrackingToken token,
            ReplayStatus replay) {
        record(new Entry(e.projectId(), e.fileId(), e.version(), FileKind.CREATED, e.path(),
                e.contentHash(), e.sizeBytes(), e.fileType(), at, e.author(), e.message()), token, replay);
    }

    @EventHandler
    void on(FileVersionSavedEvent e, @org.axonframework.eventhandling.Timestamp Instant at, TrackingToken token,
            ReplayStatus replay) {
        record(new Entry(e.projectId(), e.fileId(), e.version(), FileKind.SAVED, e.path(),
                e.contentHash(), e.sizeBytes(), e.fileType(), at, e.author(), e.message()), token, replay);
    }

    @EventHandler
    void on(FileEditedEvent e, @org.axonframework.eventhandling.Timestamp Instant at, TrackingToken token,
            ReplayStatus replay) {
        record(new Entry(e.projectId(), e.fileId(), e.version(), FileKind.SAVED, e.path(), e.contentHash(),
                e.sizeBytes(), e.fileType(), at, e.author(), e.message()), token, replay);
    }

    @EventHandler
    void on(FileMovedEvent e, @org.axonframework.eventhandling.Timestamp Instant at, TrackingToken token,
            ReplayStatus replay) {
        record(new Entry(e.projectId(), e.fileId(), e.version(), FileKind.MOVED, e.toPath(),
                e.contentHash(), e.sizeBytes(), null, at, e.author(), e.message()), token, replay);
    }

    @EventHandler
    void on(FileDeletedEvent e, @org.axonframework.eventhandling.Timestamp Instant at, TrackingToken token,
            ReplayStatus replay) {
        record(new Entry(e.projectId(), e.fileId(), e.version(), FileKind.DELETED, e.path(),
                e.contentHash(), e.sizeBytes(), null, at, e.author(), e.message()), token, replay);
    }

    @EventHandler
    void on(FileRestoredEvent e, @org.axonframework.eventhandling.Timestamp Instant at, TrackingToken token,
            ReplayStatus replay) {
        record(new Entry(e.projectId(), e.fileId(), e.version(), FileKind.RESTORED, e.path(),
                e.contentHash(), e.sizeBytes(), e.fileType(), at, e.author(),
                "Restored version " + e.restoredVersion()), token, replay);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE file_versions");
    }

    private record Entry(String projectId, String fileId, int version, FileKind kind, String path,
                         String contentHash, long sizeBytes, String fileType, Instant at, String by, String message) {
    }

    /** The token of a tracked event is at the event's global index: its position in the audit stream. */
    private void record(Entry e, TrackingToken token, ReplayStatus replay) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("No position in " + token));
        jdbc.update(INSERT, UUID.fromString(e.fileId()), e.version(), UUID.fromString(e.projectId()), e.path(),
                e.kind().name(), e.contentHash(), e.sizeBytes(), e.fileType(), Timestamp.from(e.at()),
                e.by(), e.message(), position);
        if (!replay.isReplay()) {
            FileChangedView change = new FileChangedView(e.projectId(), e.path(), e.fileId(), e.version(), e.kind(),
                    e.contentHash(), e.by(), e.at());
            updates.emit(FindFileChangesQuery.class, query -> query.projectId().equals(e.projectId()), change);
        }
    }
}
