package dev.velocity.filehistory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a new file (a new stable file id) at a path that holds no live file. */
public record CreateFileCommand(
        @TargetAggregateIdentifier String fileId,
        String projectId,
        String path,
        String content,
        String contentHash,
        long sizeBytes,
        String fileType,
        String message,
        String author) {
}
