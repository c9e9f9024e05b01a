package dev.velocity.filehistory.command.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.velocity.filehistory.api.CreateProjectCommand;
import dev.velocity.filehistory.api.ProjectCreatedEvent;
import dev.velocity.filehistory.api.ProjectEvent;
import dev.velocity.filehistory.history.chain.EventHashes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project's own event stream (aggregate identifier = project id, in the same event table as the files'): the
 * auditable facts about the project itself, hash-chained exactly like a file's events, so that what later joins it
 * (labels, membership, redactions) is in the chain and the project head. The {@code projects} table stays what it
 * is, the access control; a project created before this stream existed has none.
 */
@Aggregate
class ProjectAggregate {

    @AggregateIdentifier
    private String projectId;
    private String lastEventHash;

    ProjectAggregate() {
        // For Axon: the state is rebuilt from the project's events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateProjectCommand command) {
        apply(EventHashes.linked(new ProjectCreatedEvent(command.projectId(), command.name(), command.author(),
                null, null), lastEventHash));
    }

    @EventSourcingHandler
    void on(ProjectEvent event) {
        lastEventHash = EventHashes.chained(event, lastEventHash);
        projectId = event.projectId();
    }
}
