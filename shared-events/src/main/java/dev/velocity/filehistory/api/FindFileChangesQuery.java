package dev.velocity.filehistory.api;

/** Subscribe to the history entries of one project as the read model records them. */
public record FindFileChangesQuery(String projectId) {
}
