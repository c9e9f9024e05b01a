package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/**
 * A live file was deleted; hash and size are those of its last content.
 * <p>
 * Revision 2 added the hash chain: {@code previousHash} is the {@code eventHash} of the file's event before
 * this one (null for version 1), {@code eventHash} the SHA-256 of this event's canonical form (docs/audit.md).
 * Revision 1 rows are upcast with both null; their hashes are computed as docs/audit.md says.
 */
@Revision("2")
public record FileDeletedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        String contentHash,
        long sizeBytes,
        String message,
        String author,
        String previousHash,
        String eventHash) {
}
