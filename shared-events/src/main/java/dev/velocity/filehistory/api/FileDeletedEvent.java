package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/**
 * A live file was deleted; hash and size are those of its last content.
 * <p>
 * Revision 2 added the hash chain ({@code previousHash}, {@code eventHash}; docs/audit.md); revision 3 added
 * {@code operationId} (canonical form 2). Older rows are upcast with the added fields null.
 */
@Revision("3")
public record FileDeletedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        String contentHash,
        long sizeBytes,
        String message,
        String author,
        String operationId,
        String previousHash,
        String eventHash) implements FileEvent {

    /** A delete keeps the file's type. */
    @Override
    public String fileType() {
        return null;
    }

    @Override
    public FileDeletedEvent withChain(String previousHash, String eventHash) {
        return new FileDeletedEvent(projectId, fileId, path, version, contentHash, sizeBytes, message, author,
                operationId, previousHash, eventHash);
    }
}
