package dev.velocity.filehistory.history.chain;

import java.util.Map;
import java.util.Set;

/**
 * The canonical forms an {@code eventHash} is computed over (docs/audit.md). The stored payload revision decides
 * which one an event was written with, so every stored event keeps verifying under its own.
 */
public enum CanonicalForm {

    /** Form 1: every field but {@code eventHash}, the content and the line edits included. */
    WITH_CONTENT(Set.of()),

    /**
     * Form 2: without {@code content} and {@code edits}, which the hashed {@code contentHash} and {@code editsHash}
     * pin instead, so content can be removed from a stored event while its hash, and every link after it, stays.
     */
    CONTENT_BY_HASH(Set.of("content", "edits"));

    /** The newest revision of each event written in form 1; every later revision, and every other event, is form 2. */
    private static final Map<String, Integer> LAST_REVISION_WITH_CONTENT = Map.of(
            "FileCreatedEvent", 2, "FileVersionSavedEvent", 2, "FileMovedEvent", 2, "FileDeletedEvent", 2,
            "FileRestoredEvent", 2, "FileEditedEvent", 1);

    private final Set<String> leftOut;

    CanonicalForm(Set<String> leftOut) {
        this.leftOut = leftOut;
    }

    /** The payload fields that this form leaves out besides {@code eventHash}. */
    Set<String> leftOut() {
        return leftOut;
    }

    /**
     * The form of a stored event of the given type (its class name, with or without the package) and payload
     * revision (null: revision 1). A revision that is not a number is no revision we wrote: form 2.
     */
    public static CanonicalForm of(String payloadType, String revision) {
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        Integer lastWithContent = LAST_REVISION_WITH_CONTENT.get(type);
        if (lastWithContent == null) {
            return CONTENT_BY_HASH;
        }
        try {
            int stored = revision == null ? 1 : Integer.parseInt(revision);
            return stored <= lastWithContent ? WITH_CONTENT : CONTENT_BY_HASH;
        } catch (NumberFormatException e) {
            return CONTENT_BY_HASH;
        }
    }

    /**
     * Whether a stored event of this type and revision may carry no hash: only the file events stored before the
     * chain existed (revision 1 of all but {@code FileEditedEvent}, which was born with it). Every other event
     * without an {@code eventHash} lost it.
     */
    public static boolean mayPredateTheChain(String payloadType, String revision) {
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return LAST_REVISION_WITH_CONTENT.containsKey(type) && !"FileEditedEvent".equals(type)
                && (revision == null || "1".equals(revision));
    }
}
