package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/**
 * The content of {@code restoredVersion} became the newest version; a deleted file is live again.
 * <p>
 * Revision 2 added the hash chain ({@code previousHash}, {@code eventHash}; docs/audit.md); revision 3 added
 * {@code message} (null: the history shows "Restored version N") and {@code operationId}, and its hash covers
 * {@code content} through {@code contentHash} only (canonical form 2). Older rows are upcast with the added fields
 * null.
 */
@Revision("3")
public record FileRestoredEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        int restoredVersion,
        String content,
        String contentHash,
        long sizeBytes,
        String fileType,
        String message,
        String author,
        String operationId,
        String previousHash,
        String eventHash) implements FileEvent, FullTextEvent {

    @Override
    public FileRestoredEvent withChain(String previousHash, String eventHash) {
        return new FileRestoredEvent(projectId, fileId, path, version, restoredVersion, content, contentHash,
                sizeBytes, fileType, message, author, operationId, previousHash, eventHash);
    }
}
