package dev.velocity.filehistory.query.audit;

import java.time.Instant;

/**
 * One stored event of a file: where it is stored and what it says, upcast to today's shape; {@code payload} is
 * null when the stored bytes cannot be read, and {@code unreadable} says why.
 */
record StoredEvent(String fileId, long sequence, long position, Instant timestamp, Object payload,
                   String unreadable) {
}
