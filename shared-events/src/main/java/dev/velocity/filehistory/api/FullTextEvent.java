package dev.velocity.filehistory.api;

/** The file events that carry the file's whole new content (a keyframe): the text and its SHA-256. */
public sealed interface FullTextEvent permits FileCreatedEvent, FileVersionSavedEvent, FileRestoredEvent {

    String content();

    String contentHash();
}
