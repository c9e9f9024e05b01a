package dev.velocity.filehistory.history;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;

/** The kind of change a history entry records: what one version did to its file. */
public enum ChangeKind {
    CREATED, SAVED, MOVED, DELETED, RESTORED;

    /** The kind of change the event is; a save is one whether stored in full or as line edits. */
    public static ChangeKind of(FileEvent event) {
        if (event instanceof FileCreatedEvent) {
            return CREATED;
        }
        if (event instanceof FileMovedEvent) {
            return MOVED;
        }
        if (event instanceof FileDeletedEvent) {
            return DELETED;
        }
        if (event instanceof FileRestoredEvent) {
            return RESTORED;
        }
        return SAVED;
    }

    /** Whether the change keeps the content the file had (a move, a delete) rather than giving it content. */
    public boolean keepsContent() {
        return this == MOVED || this == DELETED;
    }
}
