package dev.velocity.filehistory.api;

/**
 * One change of a file, which is one new version of it: what every file event says, so that code handling "any file
 * event" is written once. {@link FullTextEvent}s also carry the new content; {@link FileEditedEvent} carries it as
 * line edits; a move or delete keeps the content before it.
 */
public sealed interface FileEvent extends HistoryEvent permits FileCreatedEvent, FileVersionSavedEvent,
        FileEditedEvent, FileMovedEvent, FileDeletedEvent, FileRestoredEvent {

    /** The file's stable id, which is the aggregate identifier of its event stream. */
    String fileId();

    int version();

    /** Where the file is after the change. */
    String path();

    /** The SHA-256 of the file's whole content after the change (for a move or delete, the content it kept). */
    String contentHash();

    /** The UTF-8 size of that content. */
    long sizeBytes();

    /** The file type the change set; null when it sets none (a move, a delete, a save without a type). */
    String fileType();

    /** The message the user gave the change; may be null. */
    String message();

    /** The project operation (e.g. a whole-project restore) that made this change; null for an ordinary one. */
    String operationId();

    @Override
    FileEvent withChain(String previousHash, String eventHash);
}
