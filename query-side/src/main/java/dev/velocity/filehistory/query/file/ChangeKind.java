package dev.velocity.filehistory.query.file;

/** The kind of change a history entry records: what one version did to its file. */
public enum ChangeKind {
    CREATED, SAVED, MOVED, DELETED, RESTORED
}
