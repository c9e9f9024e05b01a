package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FullTextEvent;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.history.content.LineEdits;
import java.util.List;
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
        FileEvent event = readable(stored, version);
        if (event == null) {
            forgetChainAndContent();
            return;
        }
        path = event.path();
        if (event.version() != version) {
            problem(version, "the event at sequence number " + stored.sequence() + " says version " + event.version());
        }
        if (!fileId.equals(event.fileId()) || !projectId.equals(event.projectId())) {
            problem(version, "the event names file " + event.fileId() + " of project " + event.projectId());
        }
        checkLink(event, version);
        checkContent(event, version);
        replay.apply(event, stored.timestamp(), stored.position() > requestHead);
    }

    private FileEvent readable(StoredEvent stored, int version) {
        if (stored.payload() == null) {
            problem(version, "the stored event cannot be read: " + stored.unreadable());
            return null;
        }
        if (!(stored.payload() instanceof FileEvent event)) {
            problem(version, "the stored event is not a file event: " + stored.payload().getClass().getSimpleName());
            return null;
        }
        return event;
    }

    private void checkLink(FileEvent event, int version) {
        String eventHash = event.eventHash();
        if (eventHash == null) {
            if (chainBegun) {
                problem(version, "the event carries no eventHash, though an event before it does");
            }
            chainHead = EventHashes.hashOf(event, chainHead);
            return;
        }
        String previousHash = event.previousHash();
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

    private void checkContent(FileEvent event, int version) {
        if (event instanceof FileEditedEvent edited) {
            if (text == null) {
                textHash = event.contentHash();
                return;
            }
            try {
                text = LineEdits.apply(text, edited.edits() == null ? List.of() : edited.edits());
            } catch (IllegalArgumentException e) {
                problem(version, "the line edits do not fit the content of version " + (version - 1) + ": "
                        + e.getMessage());
                forgetContent(event);
                return;
            }
        } else if (event instanceof FullTextEvent full) {
            if (full.content() == null) {
                problem(version, "the event carries no content");
                forgetContent(event);
                return;
            }
            text = full.content();
        } else {
            if (textHash != null && !textHash.equals(event.contentHash())) {
                problem(version, "contentHash is not the hash of the file's content (" + textHash + ")");
            }
            return;
        }
        checkRebuilt(event, version);
    }

    private void checkRebuilt(FileEvent event, int version) {
        String hash = Sha256.hex(text);
        if (!hash.equals(event.contentHash())) {
            problem(version, "the content rebuilt from the events (" + (event instanceof FileEditedEvent
                    ? "line edits" : "full text") + ") does not match contentHash; later versions stored as edits "
                    + "of it are not checked until the next full text");
            forgetContent(event);
            return;
        }
        textHash = hash;
        long size = Sha256.utf8Length(text);
        if (size != event.sizeBytes()) {
            problem(version, "sizeBytes is " + event.sizeBytes() + ", the content has " + size + " bytes");
        }
    }

    private void forgetContent(FileEvent event) {
        text = null;
        textHash = event.contentHash();
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
