package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/**
 * A new file came to be: always version 1 of a new file id.
 * <p>
 * Revision 2 added the hash chain ({@code previousHash}, {@code eventHash}; docs/audit.md); revision 3 added
 * {@code operationId}, and its hash covers {@code content} through {@code contentHash} only (canonical form 2).
 * Older rows are upcast with the added fields null.
 */
@Revision("3")
public record FileCreatedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
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
    public FileCreatedEvent withChain(String previousHash, String eventHash) {
        return new FileCreatedEvent(projectId, fileId, path, version, content, contentHash, sizeBytes, fileType,
                message, author, operationId, previousHash, eventHash);
    }
}
