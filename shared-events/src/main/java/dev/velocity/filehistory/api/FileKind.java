package dev.velocity.filehistory.api;

/** What a history entry did to its file; one entry per version. */
public enum FileKind {
    CREATED, SAVED, MOVED, DELETED, RESTORED
}
