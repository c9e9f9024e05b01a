package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.history.content.LineEdits;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Replays one file's stored events in sequence order and checks each: sequence numbers 0..n-1 hold versions
 * 1..n; each event links to the hash of the one before and its own hash matches its fields; the content rebuilt
 * from full texts and line edits matches its hash and size. One damage is named once: after a missing or
 * unreadable event the next link is not checked, and after content that does not match, edits of it are not.
 */
final class FileAudit {

    private final String projectId;
    private final String fileId;
    private final Consumer<Problem> problems;
    private final ReadModelReplay replay = new ReadModelReplay();
    private String path;
    private long nextSequence;
    private String chainHead;
    private boolean chainKnown = true;
    private boolean chainBegun;
    private String text;
    private String textHash;

    FileAudit(String projectId, String fileId, Consumer<Problem> problems) {
        this.projectId = projectId;
        this.fileId = fileId;
        this.problems = problems;
    }

    String fileId() {
        return fileId;
    }

    String path() {
        return path;
    }

    /** The hash of the newest event, as the chain counts it. */
    String newestHash() {
        return chainHead;
    }

    ReadModelReplay replay() {
        return replay;
    }

    void accept(StoredEvent stored, long requestHead) {
        int version = (int) stored.sequence() + 1;
        if (stored.sequence() != nextSequence) {
            problem((int) nextSequence + 1, stored.sequence() == nextSequence + 1
                    ? "version " + (nextSequence + 1) + " is missing: no event at sequence number " + nextSequence
                    : "versions " + (nextSequence + 1) + " to " + stored.sequence() + " are missing: no events at "
                    + "sequence numbers " + nextSequence + " to " + (stored.sequence() - 1));
            forgetChainAndContent();
        }
        nextSequence = stored.sequence() + 1;
        FileFact fact = readable(stored, version);
        if (fact == null) {
            forgetChainAndContent();
            return;
        }
        path = fact.path();
        if (fact.version() != version) {
            problem(version, "the event at sequence number " + stored.sequence() + " says version " + fact.version());
        }
        if (!fileId.equals(fact.fileId()) || !projectId.equals(fact.projectId())) {
            problem(version, "the event names file " + fact.fileId() + " of project " + fact.projectId());
        }
        checkLink(fact.event(), version);
        checkContent(fact, version);
        replay.apply(fact, stored.timestamp(), stored.position() > requestHead);
    }

    private FileFact readable(StoredEvent stored, int version) {
        if (stored.payload() == null) {
            problem(version, "the stored event cannot be read: " + stored.unreadable());
            return null;
        }
        try {
            return FileFact.of(stored.payload());
        } catch (IllegalArgumentException e) {
            problem(version, "the stored event is " + e.getMessage());
            return null;
        }
    }

    private void checkLink(Record event, int version) {
        String eventHash = EventHashes.eventHash(event);
        if (eventHash == null) {
            if (chainBegun) {
                problem(version, "the event carries no eventHash, though an event before it does");
            }
            chainHead = EventHashes.hashOf(event, chainHead);
            return;
        }
        String previousHash = EventHashes.previousHash(event);
        if (chainKnown && !Objects.equals(previousHash, chainHead)) {
            problem(version, version == 1 ? "previousHash is set on the first event"
                    : "previousHash is not the eventHash of version " + (version - 1));
        }
        if (!eventHash.equals(EventHashes.hashOf(event, previousHash))) {
            problem(version, "eventHash does not match the event's fields: the stored event was changed");
        }
        chainHead = eventHash;
        chainKnown = true;
        chainBegun = true;
    }

    private void checkContent(FileFact fact, int version) {
        if (!fact.carriesContent()) {
            if (textHash != null && !textHash.equals(fact.contentHash())) {
                problem(version, "contentHash is not the hash of the file's content (" + textHash + ")");
            }
            return;
        }
        if (fact.edits() != null) {
            if (text == null) {
                textHash = fact.contentHash();
                return;
            }
            try {
                text = LineEdits.apply(text, fact.edits());
            } catch (IllegalArgumentException e) {
                problem(version, "the line edits do not fit the content of version " + (version - 1) + ": "
                        + e.getMessage());
                forgetContent(fact);
                return;
            }
        } else if (fact.content() == null) {
            problem(version, "the event carries no content");
            forgetContent(fact);
            return;
        } else {
            text = fact.content();
        }
        checkRebuilt(fact, version);
    }

    private void checkRebuilt(FileFact fact, int version) {
        String hash = Sha256.hex(text);
        if (!hash.equals(fact.contentHash())) {
            problem(version, "the content rebuilt from the events (" + (fact.edits() != null ? "line edits"
                    : "full text") + ") does not match contentHash; later versions stored as edits of it are not "
                    + "checked until the next full text");
            forgetContent(fact);
            return;
        }
        textHash = hash;
        long size = Sha256.utf8Length(text);
        if (size != fact.sizeBytes()) {
            problem(version, "sizeBytes is " + fact.sizeBytes() + ", the content has " + size + " bytes");
        }
    }

    private void forgetContent(FileFact fact) {
        text = null;
        textHash = fact.contentHash();
    }

    private void forgetChainAndContent() {
        chainKnown = false;
        text = null;
        textHash = null;
    }

    private void problem(int version, String what) {
        problems.accept(new Problem(fileId, path, version, what));
    }
}
