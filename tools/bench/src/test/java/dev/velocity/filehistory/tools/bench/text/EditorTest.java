package dev.velocity.filehistory.tools.bench.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditorTest {

    @Test
    void bothDesignsGetTheSameTextsFromTheSameSeed() {
        Editor first = new Editor(Contents.seed("distinct8", 3), 4096);
        Editor second = new Editor(Contents.seed("distinct8", 3), 4096);

        assertThat(first.text()).isEqualTo(second.text()).hasSizeGreaterThanOrEqualTo(4096);
        assertThat(first.next()).isEqualTo(second.next());
        assertThat(Contents.content(7, 2, 1024)).isEqualTo(Contents.content(7, 2, 1024)).hasSize(1024);
    }

    @Test
    void aSaveChangesAtMostThreeLinesAsAnAutosaveWould() {
        Editor editor = new Editor(Contents.seed("storage", 0), 8192);
        List<String> before = editor.text().lines().toList();

        List<String> after = editor.next().lines().toList();

        assertThat(after).hasSameSizeAs(before);
        long changed = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).count();
        assertThat(changed).isBetween(1L, 3L);
    }
}
