package dev.velocity.filehistory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a live file; its history stays readable and it can be restored. */
public record DeleteFileCommand(
        @TargetAggregateIdentifier String fileId,
        String path,
        Integer expectedVersion,
        String message,
        String author) {
}
