package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/**
 * A live file moved to another path; its content is unchanged (hash and size repeat it for readers).
 * <p>
 * Revision 2 added the hash chain ({@code previousHash}, {@code eventHash}; docs/audit.md); revision 3 added
 * {@code operationId} (canonical form 2). Older rows are upcast with the added fields null.
 */
@Revision("3")
public record FileMovedEvent(
        String projectId,
        String fileId,
        String fromPath,
        String toPath,
        int version,
        String contentHash,
        long sizeBytes,
        String message,
        String author,
        String operationId,
        String previousHash,
        String eventHash) implements FileEvent {

    /** Where the file is after the move. */
    @Override
    public String path() {
        return toPath;
    }

    /** A move keeps the file's type. */
    @Override
    public String fileType() {
        return null;
    }

    @Override
    public FileMovedEvent withChain(String previousHash, String eventHash) {
        return new FileMovedEvent(projectId, fileId, fromPath, toPath, version, contentHash, sizeBytes, message,
                author, operationId, previousHash, eventHash);
    }
}
