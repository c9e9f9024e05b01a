package dev.velocity.filehistory.query.updates;

/** Subscribe to the history entries of one project as the read model records them. */
public record FindHistoryEntryUpdatesQuery(String projectId) {
}
