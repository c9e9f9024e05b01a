package dev.velocity.filehistory.query.file;

import java.time.Instant;
import java.util.UUID;

/** One version of a file with its content; {@code deleted} when that version is a deletion. */
record FileContentView(String path, UUID fileId, int version, String content, String contentHash, long sizeBytes,
                       String fileType, boolean deleted, Instant savedAt, String savedBy) {
}
