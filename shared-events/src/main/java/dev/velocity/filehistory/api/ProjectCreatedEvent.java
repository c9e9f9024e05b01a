package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/** A project came to be: the first event of its own stream. */
@Revision("1")
public record ProjectCreatedEvent(
        String projectId,
        String name,
        String author,
        String previousHash,
        String eventHash) implements ProjectEvent {

    @Override
    public ProjectCreatedEvent withChain(String previousHash, String eventHash) {
        return new ProjectCreatedEvent(projectId, name, author, previousHash, eventHash);
    }
}
