package dev.velocity.filehistory.api;

/**
 * An event of a hash-chained stream: a file's events, and a project's own (docs/audit.md). {@code previousHash} is
 * the {@code eventHash} of the stream's event before this one (null for its first), {@code eventHash} the SHA-256 of
 * this event's canonical form; both null on an event stored before the chain existed.
 */
public interface HistoryEvent {

    String projectId();

    /** The user whose request made the event. */
    String author();

    String previousHash();

    String eventHash();

    /** A copy of this event with the two chain fields set, every other field as it is. */
    HistoryEvent withChain(String previousHash, String eventHash);
}
