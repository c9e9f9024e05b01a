package dev.velocity.filehistory.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.tools.client.HistoryPage.HistoryEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {

    @Test
    void aGapFreeHistoryWithEveryAcknowledgedHashPasses() {
        History history = history(entry(1, "h1"), entry(2, "h2"), entry(3, "h3"));

        assertThat(HistoryCheck.failures("a.txt", history, Map.of(2, "h2", 3, "h3"))).isEmpty();
    }

    @Test
    void aLostAcknowledgedSaveIsNamed() {
        History history = history(entry(1, "h1"), entry(2, "h2"));

        assertThat(HistoryCheck.failures("a.txt", history, Map.of(2, "h2", 3, "h3"))).containsExactly(
                "a.txt: acknowledged v3 but stores only up to v2", "a.txt: acknowledged v3 is missing");
    }

    @Test
    void anotherContentUnderAnAcknowledgedVersionIsNamed() {
        History history = history(entry(1, "h1"), entry(2, "other"));

        assertThat(HistoryCheck.failures("a.txt", history, Map.of(2, "h2")))
                .containsExactly("a.txt v2: acknowledged hash h2, stored [other]");
    }

    @Test
    void gapsAndDuplicateVersionsAreNamed() {
        History history = history(entry(1, "h1"), entry(3, "h3"), entry(3, "h3b"));

        assertThat(HistoryCheck.failures("a.txt", history, Map.of())).containsExactly(
                "a.txt: version 3 appears 2 times in the history",
                "a.txt: versions are not 1..3 without a gap: [1, 3]");
    }

    @Test
    void contentHashIsTheApisSha256() {
        assertThat(ContentHash.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static History history(HistoryEntry... entries) {
        return new History(List.of(entries), List.of());
    }

    private static HistoryEntry entry(int version, String hash) {
        return new HistoryEntry(version, hash, null);
    }
}
