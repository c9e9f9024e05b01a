package dev.velocity.filehistory.api;

/**
 * An event of a project's own stream (aggregate identifier = project id), hash-chained like a file's: the facts
 * about the project itself rather than about one of its files.
 */
public sealed interface ProjectEvent extends HistoryEvent permits ProjectCreatedEvent {

    @Override
    ProjectEvent withChain(String previousHash, String eventHash);
}
