package dev.velocity.filehistory.history.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.platform.Sha256;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The canonical form and the head exactly as docs/audit.md writes them, so a third party can recompute both. */
class EventHashesTest {

    @Test
    void theCanonicalFormIsSortedCompactJsonWithTheTypeAndWithoutNullsOrTheEventHash() {
        FileMovedEvent moved = new FileMovedEvent("p", "f", "a.txt", "b.txt", 2, "c0", 3, null, "carol", null,
                "prev", "whatever is stored");
        String canonical = "{\"author\":\"carol\",\"contentHash\":\"c0\",\"fileId\":\"f\",\"fromPath\":\"a.txt\","
                + "\"previousHash\":\"prev\",\"projectId\":\"p\",\"sizeBytes\":3,\"toPath\":\"b.txt\","
                + "\"type\":\"FileMovedEvent\",\"version\":2}";
        assertThat(EventHashes.hashOf(moved, "prev")).isEqualTo(Sha256.hex(canonical));
    }

    @Test
    void nestedEditsAreObjectsWithSortedKeysAndStringsKeepAllButTheMinimalEscapes() {
        FileEditedEvent edited = new FileEditedEvent("p", "f", "a.txt", 2,
                List.of(new LineEdit(0, 1, List.of("tab\there \"q\" \\ \u0001 é 😀"))), null, "c1", 20, null, "m",
                "bob", null, null, null);
        String canonical = "{\"author\":\"bob\",\"contentHash\":\"c1\",\"edits\":[{\"at\":0,\"delete\":1,"
                + "\"insert\":[\"tab\\there \\\"q\\\" \\\\ \\u0001 é 😀\"]}],\"fileId\":\"f\",\"message\":\"m\","
                + "\"path\":\"a.txt\",\"previousHash\":\"h1\",\"projectId\":\"p\",\"sizeBytes\":20,"
                + "\"type\":\"FileEditedEvent\",\"version\":2}";
        assertThat(EventHashes.hashOf(edited, "h1")).isEqualTo(Sha256.hex(canonical));
    }

    @Test
    void aLinkedEventCarriesItsLinkAndTheHashOverIt() {
        FileCreatedEvent draft = new FileCreatedEvent("p", "f", "a.txt", 1, "one", Sha256.hex("one"), 3, null, null,
                "alice", null, null, null);
        FileCreatedEvent first = EventHashes.linked(draft, null);
        assertThat(first.previousHash()).isNull();
        assertThat(first.eventHash()).isEqualTo(EventHashes.hashOf(draft, null));
        assertThat(EventHashes.chained(first, "ignored: it carries its own")).isEqualTo(first.eventHash());
        assertThat(EventHashes.chained(draft, "h0")).isEqualTo(EventHashes.hashOf(draft, "h0"));
    }

    @Test
    void theHeadHashesOneLinePerFileInTheOrderOfTheFileIds() {
        TreeMap<String, String> newest = new TreeMap<>();
        newest.put("b-file", "h2");
        newest.put("a-file", "h1");
        assertThat(EventHashes.head(newest)).isEqualTo(Sha256.hex("a-file h1\nb-file h2\n"));
        assertThat(EventHashes.head(new TreeMap<>())).isEqualTo(Sha256.hex(""));
    }
}
