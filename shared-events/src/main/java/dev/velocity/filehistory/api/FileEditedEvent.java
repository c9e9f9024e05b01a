package dev.velocity.filehistory.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * New content was saved into a live file, stored as {@link LineEdit}s of the content the file had at
 * {@code version - 1}: the same fact as {@link FileVersionSavedEvent}, in a fraction of the bytes. The full
 * content is the previous content with {@code edits} applied; {@code contentHash} is the SHA-256 of that full
 * content, so a reader checks every rebuild.
 * <p>
 * Revision 1 was born with the hash chain; revision 2 added {@code operationId} and {@code editsHash}, the SHA-256
 * of the canonical JSON of {@code edits}, through which its hash covers the edits (canonical form 2,
 * docs/audit.md). Revision 1 rows are upcast with both null.
 */
@Revision("2")
public record FileEditedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        List<LineEdit> edits,
        String editsHash,
        String contentHash,
        long sizeBytes,
        String fileType,
        String message,
        String author,
        String operationId,
        String previousHash,
        String eventHash) implements FileEvent {

    @Override
    public FileEditedEvent withChain(String previousHash, String eventHash) {
        return new FileEditedEvent(projectId, fileId, path, version, edits, editsHash, contentHash, sizeBytes,
                fileType, message, author, operationId, previousHash, eventHash);
    }
}
