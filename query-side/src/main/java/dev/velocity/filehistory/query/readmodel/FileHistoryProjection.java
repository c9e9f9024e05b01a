package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.platform.eventstore.EventTable;
import dev.velocity.filehistory.query.updates.FileChangeNotices;
import dev.velocity.filehistory.query.updates.HistoryEntryUpdate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version-history read model: one row per history entry ({@link HistoryEntry}), inserted once
 * ({@code ON CONFLICT DO NOTHING}), with the position of its event in the audit stream, which point-in-time reads
 * and the export order by.
 * Each row is announced to the live-update subscribers of every query node through PostgreSQL, delivered once the
 * batch commits ({@link FileChangeNotices}); replays stay quiet.
 */
@Component
@ProcessingGroup(ProjectionProcessor.NAME)
class FileHistoryProjection {

    /**
     * The position is the global index of the entry's event, the one with sequence number version - 1 in the
     * file's stream. A tracking token cannot tell it: when an event commits after a later one (a gap that fills),
     * its token still stands at the later index. Found by the unique (aggregate, sequence) key in the same
     * statement; an event that is not there fails the NOT NULL constraint rather than be stored without a position.
     */
    private static final String INSERT = """
            INSERT INTO file_versions (file_id, version, project_id, path, kind, content_hash, size_bytes, file_type,
                                       at, by, message, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)
            ON CONFLICT (file_id, version) DO NOTHING
            """.formatted(EventTable.POSITION_OF_EVENT);

    private final JdbcTemplate jdbc;
    private final FileChangeNotices notices;
    private final BatchedWrites writes;

    FileHistoryProjection(JdbcTemplate jdbc, FileChangeNotices notices, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.notices = notices;
    }

    @EventHandler
    void on(FileEvent event, @org.axonframework.eventhandling.Timestamp Instant at, ReplayStatus replay) {
        HistoryEntry e = HistoryEntry.of(event, at);
        writes.write("file_versions", INSERT, UUID.fromString(e.fileId()), e.version(), UUID.fromString(e.projectId()),
                e.path(), e.kind().name(), e.contentHash(), e.sizeBytes(), e.fileType(), Timestamp.from(e.at()),
                e.by(), e.message(), e.fileId(), e.version() - 1L);
        if (!replay.isReplay()) {
            notices.announce(new HistoryEntryUpdate(e.projectId(), e.path(), e.fileId(), e.version(), e.kind(),
                    e.contentHash(), e.by(), e.at()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE file_versions");
    }
}
