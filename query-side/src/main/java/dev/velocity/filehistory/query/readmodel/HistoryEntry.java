package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.history.ChangeKind;
import java.time.Instant;

/**
 * One row of the version-history read model ({@code file_versions}, without its position): what one file event
 * records, written once for {@link FileHistoryProjection} and verify's replay. {@code path} is where the file is
 * after the change; a restore without a message of its own says which version it restored.
 */
public record HistoryEntry(String projectId, String fileId, int version, ChangeKind kind, String path,
                           String contentHash, long sizeBytes, String fileType, Instant at, String by,
                           String message) {

    public static HistoryEntry of(FileEvent event, Instant at) {
        String message = event.message();
        if (message == null && event instanceof FileRestoredEvent restored) {
            message = "Restored version " + restored.restoredVersion();
        }
        return new HistoryEntry(event.projectId(), event.fileId(), event.version(), ChangeKind.of(event),
                event.path(), event.contentHash(), event.sizeBytes(), event.fileType(), at, event.author(), message);
    }
}
