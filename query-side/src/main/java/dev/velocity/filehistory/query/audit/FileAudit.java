package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FullTextEvent;
import dev.velocity.filehistory.history.chain.CanonicalForm;
import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.history.content.LineEdits;
import dev.velocity.filehistory.platform.Sha256;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays one file's stored events in sequence order and checks each: sequence numbers 0..n-1 hold versions
 * 1..n and the hash chain holds ({@link StreamCheck}); each event names its file and project; the content rebuilt
 * from full texts and line edits matches its hash and size, and in canonical form 2 the line edits match their
 * {@code editsHash}. One damage is named once: after content that does not match, edits of it are not checked.
 */
final class FileAudit {

    private final String projectId;
    private final String fileId;
    private final Consumer<Problem> problems;
    private final StreamCheck stream;
    private final ReadModelReplay replay = new ReadModelReplay();
    private String path;
    private String text;
    private String textHash;

    FileAudit(String projectId, String fileId, Consumer<Problem> problems) {
        this.projectId = projectId;
        this.fileId = fileId;
        this.problems = problems;
        this.stream = new StreamCheck("version", this::problem);
    }

    String fileId() {
        return fileId;
    }

    String path() {
        return path;
    }

    /** The hash of the newest event, as the chain counts it. */
    String newestHash() {
        return stream.head();
    }

    ReadModelReplay replay() {
        return replay;
    }

    void accept(StoredEvent stored, long requestHead) {
        int version = (int) stored.sequence() + 1;
        if (!stream.inSequence(stored.sequence())) {
            forgetContent(null);
        }
        FileEvent event = stream.payload(stored, FileEvent.class, "a file event");
        if (event == null) {
            forgetContent(null);
            return;
        }
        path = event.path();
        if (event.version() != version) {
            problem(version, "the event at sequence number " + stored.sequence() + " says version " + event.version());
        }
        if (!fileId.equals(event.fileId()) || !projectId.equals(event.projectId())) {
            problem(version, "the event names file " + event.fileId() + " of project " + event.projectId());
        }
        stream.link(event, stored.revision(), version);
        checkEditsHash(event, stored.revision(), version);
        checkContent(event, version);
        replay.apply(event, stored.timestamp(), stored.position() > requestHead);
    }

    /** In form 2 the chain pins line edits through their hash, so edits changed in place are named here. */
    private void checkEditsHash(FileEvent event, String revision, int version) {
        if (event instanceof FileEditedEvent edited
                && CanonicalForm.of(event.getClass().getName(), revision) == CanonicalForm.CONTENT_BY_HASH
                && (edited.edits() == null || !EventHashes.editsHash(edited.edits()).equals(edited.editsHash()))) {
            problem(version, "editsHash does not match the stored line edits: the edits were changed");
        }
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

    /** The content is not known from here on; {@code event}, when given, still says what its hash is. */
    private void forgetContent(FileEvent event) {
        text = null;
        textHash = event == null ? null : event.contentHash();
    }

    private void problem(int version, String what) {
        problems.accept(new Problem(fileId, path, version, what));
    }
}
