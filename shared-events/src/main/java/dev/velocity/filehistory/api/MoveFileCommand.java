package dev.velocity.filehistory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a live file to another path; its history follows it. */
public record MoveFileCommand(
        @TargetAggregateIdentifier String fileId,
        String fromPath,
        String toPath,
        Integer expectedVersion,
        String message,
        String author) {
}
