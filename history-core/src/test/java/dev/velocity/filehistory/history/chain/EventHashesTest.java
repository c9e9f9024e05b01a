package dev.velocity.filehistory.history.chain;

import static dev.velocity.filehistory.history.chain.CanonicalForm.CONTENT_BY_HASH;
import static dev.velocity.filehistory.history.chain.CanonicalForm.WITH_CONTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.platform.Sha256;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Both canonical forms and the head exactly as docs/audit.md writes them, so a third party can recompute them:
 * form 1 (content and line edits inside) for the revisions stored before form 2, form 2 (content through
 * contentHash, line edits through editsHash) for every event written now.
 */
class EventHashesTest {

    private static final List<LineEdit> EDITS =
            List.of(new LineEdit(0, 1, List.of("tab\there \"q\" \\ \u0001 é 😀")));
    private static final String CANONICAL_EDITS =
            "[{\"at\":0,\"delete\":1,\"insert\":[\"tab\\there \\\"q\\\" \\\\ \\u0001 é 😀\"]}]";

    @Test
    void theCanonicalFormIsSortedCompactJsonWithTheTypeAndWithoutNullsOrTheEventHash() {
        FileMovedEvent moved = new FileMovedEvent("p", "f", "a.txt", "b.txt", 2, "c0", 3, null, "carol", null,
                "prev", "whatever is stored");
        String canonical = "{\"author\":\"carol\",\"contentHash\":\"c0\",\"fileId\":\"f\",\"fromPath\":\"a.txt\","
                + "\"previousHash\":\"prev\",\"projectId\":\"p\",\"sizeBytes\":3,\"toPath\":\"b.txt\","
                + "\"type\":\"FileMovedEvent\",\"version\":2}";
        assertThat(EventHashes.hashOf(moved, "prev", WITH_CONTENT)).isEqualTo(Sha256.hex(canonical));
        assertThat(EventHashes.hashOf(moved, "prev", CONTENT_BY_HASH)).as("an event without content: both alike")
                .isEqualTo(Sha256.hex(canonical));
    }

    @Test
    void formOneHasNestedEditsAsObjectsWithSortedKeysAndStringsKeepAllButTheMinimalEscapes() {
        FileEditedEvent edited = new FileEditedEvent("p", "f", "a.txt", 2, EDITS, null, "c1", 20, null, "m", "bob",
                null, null, null);
        String canonical = "{\"author\":\"bob\",\"contentHash\":\"c1\",\"edits\":" + CANONICAL_EDITS
                + ",\"fileId\":\"f\",\"message\":\"m\",\"path\":\"a.txt\",\"previousHash\":\"h1\",\"projectId\":\"p\","
                + "\"sizeBytes\":20,\"type\":\"FileEditedEvent\",\"version\":2}";
        assertThat(EventHashes.hashOf(edited, "h1", WITH_CONTENT)).isEqualTo(Sha256.hex(canonical));
    }

    @Test
    void theEditsHashIsTheHashOfTheCanonicalEditsArray() {
        assertThat(EventHashes.editsHash(EDITS)).isEqualTo(Sha256.hex(CANONICAL_EDITS));
        assertThat(EventHashes.editsHash(List.of())).isEqualTo(Sha256.hex("[]"));
    }

    @Test
    void formTwoLeavesTheEditsOutAndHashesTheirHashInstead() {
        FileEditedEvent edited = new FileEditedEvent("p", "f", "a.txt", 2, EDITS, "e1", "c1", 20, null, "m", "bob",
                "op", null, null);
        String canonical = "{\"author\":\"bob\",\"contentHash\":\"c1\",\"editsHash\":\"e1\",\"fileId\":\"f\","
                + "\"message\":\"m\",\"operationId\":\"op\",\"path\":\"a.txt\",\"previousHash\":\"h1\","
                + "\"projectId\":\"p\",\"sizeBytes\":20,\"type\":\"FileEditedEvent\",\"version\":2}";
        assertThat(EventHashes.hashOf(edited, "h1", CONTENT_BY_HASH)).isEqualTo(Sha256.hex(canonical));
    }

    @Test
    void formTwoLeavesTheFullTextOutSoOnlyItsContentHashIsHashed() {
        FileCreatedEvent created = new FileCreatedEvent("p", "f", "a.txt", 1, "secret", Sha256.hex("secret"), 6,
                "text", null, "alice", null, null, null);
        String canonical = "{\"author\":\"alice\",\"contentHash\":\"" + Sha256.hex("secret") + "\",\"fileId\":\"f\","
                + "\"fileType\":\"text\",\"path\":\"a.txt\",\"projectId\":\"p\",\"sizeBytes\":6,"
                + "\"type\":\"FileCreatedEvent\",\"version\":1}";
        assertThat(EventHashes.hashOf(created, null, CONTENT_BY_HASH)).isEqualTo(Sha256.hex(canonical));
        FileCreatedEvent redacted = new FileCreatedEvent("p", "f", "a.txt", 1, "[redacted]", Sha256.hex("secret"), 6,
                "text", null, "alice", null, null, null);
        assertThat(EventHashes.hashOf(redacted, null, CONTENT_BY_HASH))
                .as("content can leave a form 2 event without changing its hash")
                .isEqualTo(EventHashes.hashOf(created, null, CONTENT_BY_HASH))
                .isNotEqualTo(EventHashes.hashOf(redacted, null, WITH_CONTENT));
    }

    @Test
    void theStoredRevisionDecidesTheForm() {
        for (String type : List.of("FileCreatedEvent", "FileVersionSavedEvent", "FileMovedEvent", "FileDeletedEvent",
                "FileRestoredEvent")) {
            assertThat(CanonicalForm.of(type, null)).isEqualTo(WITH_CONTENT);
            assertThat(CanonicalForm.of(type, "1")).isEqualTo(WITH_CONTENT);
            assertThat(CanonicalForm.of("dev.velocity.filehistory.api." + type, "2")).isEqualTo(WITH_CONTENT);
            assertThat(CanonicalForm.of(type, "3")).isEqualTo(CONTENT_BY_HASH);
            assertThat(CanonicalForm.mayPredateTheChain(type, "1")).isTrue();
            assertThat(CanonicalForm.mayPredateTheChain(type, "2")).isFalse();
        }
        assertThat(CanonicalForm.of("FileEditedEvent", "1")).isEqualTo(WITH_CONTENT);
        assertThat(CanonicalForm.of("FileEditedEvent", "2")).isEqualTo(CONTENT_BY_HASH);
        assertThat(CanonicalForm.mayPredateTheChain("FileEditedEvent", "1")).isFalse();
        assertThat(CanonicalForm.of("ProjectCreatedEvent", "1")).isEqualTo(CONTENT_BY_HASH);
        assertThat(CanonicalForm.of("FileCreatedEvent", "x")).isEqualTo(CONTENT_BY_HASH);
    }

    @Test
    void aLinkedEventCarriesItsLinkAndTheFormTwoHashOverIt() {
        FileCreatedEvent draft = new FileCreatedEvent("p", "f", "a.txt", 1, "one", Sha256.hex("one"), 3, null, null,
                "alice", null, null, null);
        FileCreatedEvent first = EventHashes.linked(draft, null);
        assertThat(first.previousHash()).isNull();
        assertThat(first.eventHash()).isEqualTo(EventHashes.hashOf(draft, null, CONTENT_BY_HASH));
        assertThat(EventHashes.chained(first, "ignored: it carries its own")).isEqualTo(first.eventHash());
        assertThat(EventHashes.chained(draft, "h0")).as("an event from before the chain: form 1")
                .isEqualTo(EventHashes.hashOf(draft, "h0", WITH_CONTENT));
    }

    @Test
    void lineEditsWithoutTheirHashAreNotLinked() {
        FileEditedEvent draft = new FileEditedEvent("p", "f", "a.txt", 2, EDITS, null, "c1", 20, null, null, "bob",
                null, null, null);
        assertThatThrownBy(() -> EventHashes.linked(draft, "h1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeadHashesOneLinePerStreamInTheOrderOfTheIds() {
        TreeMap<String, String> newest = new TreeMap<>();
        newest.put("b-file", "h2");
        newest.put("a-file", "h1");
        assertThat(EventHashes.head(newest)).isEqualTo(Sha256.hex("a-file h1\nb-file h2\n"));
        assertThat(EventHashes.head(new TreeMap<>())).isEqualTo(Sha256.hex(""));
    }
}
