package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.query.file.ChangeKind;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.LineEdit;
import java.util.List;

/**
 * What any file event says, in one shape: the history entry it makes ({@code path} is where the file is after
 * it, {@code message} the entry's message), and its content as full text or as line edits of the version before
 * (both null for a move or delete, which keep the content).
 */
record FileFact(ChangeKind kind, String projectId, String fileId, String path, int version, String content,
                List<LineEdit> edits, String contentHash, long sizeBytes, String fileType, String message,
                String author, Record event) {

    static FileFact of(Object event) {
        if (event instanceof FileCreatedEvent e) {
            return new FileFact(ChangeKind.CREATED, e.projectId(), e.fileId(), e.path(), e.version(), e.content(),
                    null, e.contentHash(), e.sizeBytes(), e.fileType(), e.message(), e.author(), e);
        }
        if (event instanceof FileVersionSavedEvent e) {
            return new FileFact(ChangeKind.SAVED, e.projectId(), e.fileId(), e.path(), e.version(), e.content(), null,
                    e.contentHash(), e.sizeBytes(), e.fileType(), e.message(), e.author(), e);
        }
        if (event instanceof FileEditedEvent e) {
            return new FileFact(ChangeKind.SAVED, e.projectId(), e.fileId(), e.path(), e.version(), null,
                    e.edits() == null ? List.of() : e.edits(), e.contentHash(), e.sizeBytes(), e.fileType(),
                    e.message(), e.author(), e);
        }
        if (event instanceof FileMovedEvent e) {
            return new FileFact(ChangeKind.MOVED, e.projectId(), e.fileId(), e.toPath(), e.version(), null, null,
                    e.contentHash(), e.sizeBytes(), null, e.message(), e.author(), e);
        }
        if (event instanceof FileDeletedEvent e) {
            return new FileFact(ChangeKind.DELETED, e.projectId(), e.fileId(), e.path(), e.version(), null, null,
                    e.contentHash(), e.sizeBytes(), null, e.message(), e.author(), e);
        }
        if (event instanceof FileRestoredEvent e) {
            return new FileFact(ChangeKind.RESTORED, e.projectId(), e.fileId(), e.path(), e.version(), e.content(),
                    null, e.contentHash(), e.sizeBytes(), e.fileType(), "Restored version " + e.restoredVersion(),
                    e.author(), e);
        }
        throw new IllegalArgumentException("not a file event: " + event.getClass().getSimpleName());
    }

    boolean carriesContent() {
        return kind != ChangeKind.MOVED && kind != ChangeKind.DELETED;
    }
}
