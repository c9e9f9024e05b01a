package dev.velocity.filehistory.tools.bench.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    @Test
    void aHistoryHoldingExactlyWhatWasAcknowledgedHasNoProblem() {
        Integrity integrity = Integrity.compare(Map.of(1, List.of("seed"), 2, List.of("a"), 3, List.of("b")), 1, 3, 1,
                List.of(new Ack(2, "a"), new Ack(3, "b")), null);

        assertThat(integrity.problems()).isZero();
        assertThat(Integrity.line(List.of(integrity))).startsWith("stored versions 3, gaps 0, duplicate versions 0");
    }

    @Test
    void eachKindOfDamageIsCounted() {
        Integrity integrity = Integrity.compare(
                Map.of(1, List.of("seed"), 2, List.of("a", "x"), 4, List.of("d"), 5, List.of("e")), 2, 5, 1,
                List.of(new Ack(2, "a"), new Ack(2, "a2"), new Ack(3, "c"), new Ack(4, "d")), "late");

        assertThat(integrity.gaps()).isEqualTo(1);
        assertThat(integrity.duplicateVersions()).isEqualTo(1);
        assertThat(integrity.acknowledgedButMissing()).isEqualTo(2);
        assertThat(integrity.acknowledgedTwice()).isEqualTo(1);
        // 5 stored, less the seed, less 3 distinct acknowledged versions (one of them lost): "x" or "e" is counted
        assertThat(integrity.storedButNotAcknowledged()).isEqualTo(1);
        assertThat(integrity.problems()).isEqualTo(1 + 1 + 2 + 1 + 1 + 1);
        assertThat(Integrity.line(List.of(integrity))).endsWith("files without exactly one current marker 1/1; late");
    }
}
