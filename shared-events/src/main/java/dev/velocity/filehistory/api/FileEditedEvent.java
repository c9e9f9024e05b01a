package dev.velocity.filehistory.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * New content was saved into a live file, stored as {@link LineEdit}s of the content the file had at
 * {@code version - 1}: the same fact as {@link FileVersionSavedEvent}, in a fraction of the bytes. The full
 * content is the previous content with {@code edits} applied; {@code contentHash} is the SHA-256 of that full
 * content, so a reader checks every rebuild. {@code previousHash} is the {@code eventHash} of the file's event
 * before this one, {@code eventHash} the SHA-256 of this event's canonical form (docs/audit.md).
 */
@Revision("1")
public record FileEditedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        List<LineEdit> edits,
        String contentHash,
        long sizeBytes,
        String fileType,
        String message,
        String author,
        String previousHash,
        String eventHash) {
}
