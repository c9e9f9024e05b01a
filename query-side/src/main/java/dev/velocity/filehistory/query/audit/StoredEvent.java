package dev.velocity.filehistory.query.audit;

import java.time.Instant;

/**
 * One stored event of a stream: where it is stored, its payload revision as stored (which decides its canonical
 * form) and what it says, upcast to today's shape; {@code payload} is null when the stored bytes cannot be read,
 * and {@code unreadable} says why.
 */
record StoredEvent(String aggregateId, long sequence, long position, Instant timestamp, String revision,
                   Object payload, String unreadable) {
}
