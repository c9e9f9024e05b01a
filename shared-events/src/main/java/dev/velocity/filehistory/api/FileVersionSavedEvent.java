package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/**
 * New content was saved into a live file, stored in full (a keyframe).
 * <p>
 * Revision 2 added the hash chain ({@code previousHash}, {@code eventHash}; docs/audit.md); revision 3 added
 * {@code operationId}, and its hash covers {@code content} through {@code contentHash} only (canonical form 2).
 * Older rows are upcast with the added fields null.
 */
@Revision("3")
public record FileVersionSavedEvent(
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
    public FileVersionSavedEvent withChain(String previousHash, String eventHash) {
        return new FileVersionSavedEvent(projectId, fileId, path, version, content, contentHash, sizeBytes, fileType,
                message, author, operationId, previousHash, eventHash);
    }
}
