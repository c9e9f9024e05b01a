package dev.velocity.filehistory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start the stream of a project that was just created. */
public record CreateProjectCommand(
        @TargetAggregateIdentifier String projectId,
        String name,
        String author) {
}
