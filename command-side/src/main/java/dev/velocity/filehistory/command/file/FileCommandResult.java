package dev.velocity.filehistory.command.file;

import java.time.Instant;

/**
 * What a command did to a file: the version it produced, or the current one when nothing changed
 * ({@code changed} false), and whether it created a new file.
 */
public record FileCommandResult(
        String projectId,
        String fileId,
        String path,
        int version,
        String contentHash,
        long sizeBytes,
        Instant savedAt,
        String savedBy,
        boolean changed,
        boolean created) {
}
