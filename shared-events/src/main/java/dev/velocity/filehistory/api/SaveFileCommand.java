package dev.velocity.filehistory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Save new content into a live file. {@code expectedVersion} null means "no check" (last writer wins);
 * {@code path} is where the caller believes the file is, so a file moved meanwhile is not written by mistake.
 */
public record SaveFileCommand(
        @TargetAggregateIdentifier String fileId,
        String path,
        String content,
        String contentHash,
        long sizeBytes,
        String fileType,
        String message,
        Integer expectedVersion,
        String author) {
}
