package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.api.HistoryEvent;
import dev.velocity.filehistory.history.chain.CanonicalForm;
import dev.velocity.filehistory.history.chain.EventHashes;
import java.util.Objects;

/**
 * Checks what every hash-chained stream must hold, event by event in sequence order: sequence numbers 0..n-1 with
 * none missing; each event links to the hash of the one before; its own hash matches its fields in the canonical
 * form of its stored revision; only an event stored before the chain existed carries no hash. After a missing or
 * unreadable event the next link is not checked, so one damage is named once. Problems name the n-th entry of the
 * stream ({@code unit} n: a file's version, or an event of the project's own stream).
 */
final class StreamCheck {

    /** Where a problem is reported: the entry it concerns (1-based) and what is wrong. */
    interface Problems {
        void report(int entry, String what);
    }

    private final String unit;
    private final Problems problems;
    private long nextSequence;
    private String head;
    private boolean headKnown = true;
    private boolean begun;

    StreamCheck(String unit, Problems problems) {
        this.unit = unit;
        this.problems = problems;
    }

    /** The hash of the newest event, as the chain counts it. */
    String head() {
        return head;
    }

    /** Checks that the event comes next in the stream; false when entries before it are missing. */
    boolean inSequence(long sequence) {
        boolean next = sequence == nextSequence;
        if (!next) {
            problems.report((int) nextSequence + 1, sequence == nextSequence + 1
                    ? unit + " " + (nextSequence + 1) + " is missing: no event at sequence number " + nextSequence
                    : unit + "s " + (nextSequence + 1) + " to " + sequence + " are missing: no events at "
                    + "sequence numbers " + nextSequence + " to " + (sequence - 1));
            forget();
        }
        nextSequence = sequence + 1;
        return next;
    }

    /** The event cannot be read: the link after it is not checked. */
    void forget() {
        headKnown = false;
    }

    /**
     * The stored event's payload as the stream's {@code kind} of event, or null, with the problem reported and the
     * next link left unchecked, when it cannot be read or is of another kind.
     */
    <T> T payload(StoredEvent stored, Class<T> kind, String kindName) {
        int entry = (int) stored.sequence() + 1;
        if (stored.payload() == null) {
            problems.report(entry, "the stored event cannot be read: " + stored.unreadable());
        } else if (!kind.isInstance(stored.payload())) {
            problems.report(entry, "the stored event is not " + kindName + ": "
                    + stored.payload().getClass().getSimpleName());
        } else {
            return kind.cast(stored.payload());
        }
        forget();
        return null;
    }

    /** Checks the event's link and hash; {@code revision} is its payload revision as stored. */
    void link(HistoryEvent event, String revision, int entry) {
        String type = event.getClass().getName();
        String eventHash = event.eventHash();
        if (eventHash == null) {
            if (begun) {
                problems.report(entry, "the event carries no eventHash, though an event before it does");
            } else if (!CanonicalForm.mayPredateTheChain(type, revision)) {
                problems.report(entry, "the event carries no eventHash, though its revision " + revision
                        + " is always stored with one");
            }
            head = EventHashes.hashOf(event, head, CanonicalForm.WITH_CONTENT);
            return;
        }
        String previousHash = event.previousHash();
        if (headKnown && !Objects.equals(previousHash, head)) {
            problems.report(entry, entry == 1 ? "previousHash is set on the first event"
                    : "previousHash is not the eventHash of " + unit + " " + (entry - 1));
        }
        if (!eventHash.equals(EventHashes.hashOf(event, previousHash, CanonicalForm.of(type, revision)))) {
            problems.report(entry, "eventHash does not match the event's fields: the stored event was changed");
        }
        head = eventHash;
        headKnown = true;
        begun = true;
    }
}
