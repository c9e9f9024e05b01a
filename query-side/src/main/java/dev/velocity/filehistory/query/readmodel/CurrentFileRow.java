package dev.velocity.filehistory.query.readmodel;

import java.time.Instant;

/** A file's row of the current-file read model ({@code current_files}), as stored and as a replay builds it. */
public record CurrentFileRow(String projectId, String path, int version, String contentHash, long sizeBytes,
                             String fileType, boolean deleted, Instant createdAt, Instant updatedAt,
                             String updatedBy) {
}
