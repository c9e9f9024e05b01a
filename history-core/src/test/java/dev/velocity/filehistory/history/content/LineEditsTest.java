package dev.velocity.filehistory.history.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.velocity.filehistory.api.LineEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineEditsTest {

    private static String code(int lines, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("let v").append(i).append(" = ").append(random.nextInt(1000)).append(";\n");
        }
        return text.toString();
    }

    /** Types, deletes and pastes a few lines at a time, like an editor between two autosaves. */
    private static String edit(String text, Random random) {
        List<String> lines = new ArrayList<>(LineEdits.lines(text));
        for (int n = random.nextInt(4); n >= 0; n--) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.set(at, lines.get(at) + " // typed " + random.nextInt());
                case 1 -> lines.remove(at);
                default -> lines.add(at, "pasted\r\nwith a carriage return " + random.nextInt());
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void editsRebuildTheTargetExactlyThroughAThousandEdits() {
        Random random = new Random(7);
        String text = code(300, random);
        int stored = 0;
        for (int i = 0; i < 1000; i++) {
            String next = edit(text, random);
            String base = text;
            var edits = LineEdits.between(base, next);
            if (edits.isPresent()) {
                stored++;
                assertThat(LineEdits.apply(base, edits.get())).isEqualTo(next);
                assertThat(LineEdits.weight(edits.get())).isLessThan(next.length() / 2);
            }
            text = next;
        }
        assertThat(stored).as("small edits of a large text are kept as edits").isGreaterThan(990);
    }

    @Test
    void editsFarApartInALargeFileAreStillEdits() {
        Random random = new Random(11);
        String base = code(3000, random);
        List<String> lines = new ArrayList<>(LineEdits.lines(base));
        lines.set(5, "first");
        lines.set(1500, "middle");
        lines.set(2990, "last");
        String target = String.join("\n", lines);
        List<LineEdit> edits = LineEdits.between(base, target).orElseThrow();
        assertThat(edits).hasSize(3);
        assertThat(LineEdits.apply(base, edits)).isEqualTo(target);
    }

    @Test
    void edgesOfTheTextSurviveTheRoundTrip() {
        List<String[]> pairs = List.of(
                new String[] {"", "a"}, new String[] {"a", ""}, new String[] {"a\n", "a"}, new String[] {"a", "a\n"},
                new String[] {"\n\n\n", "\n"}, new String[] {"x\r\ny\r\n", "x\r\nz\r\n"});
        for (String[] pair : pairs) {
            String base = pair[0].repeat(1) + "filler line\n".repeat(40);
            String target = pair[1] + "filler line\n".repeat(40);
            List<LineEdit> edits = LineEdits.between(base, target).orElseThrow();
            assertThat(LineEdits.apply(base, edits)).as("%s -> %s", pair[0], pair[1]).isEqualTo(target);
        }
    }

    @Test
    void aRewriteOrATinyTextIsBetterKeptInFull() {
        Random random = new Random(3);
        assertThat(LineEdits.between(code(200, random), code(200, random))).isEmpty();
        assertThat(LineEdits.between("one", "two")).isEmpty();
    }

    @Test
    void editsThatDoNotFitTheBaseAreRefused() {
        assertThatThrownBy(() -> LineEdits.apply("one line", List.of(new LineEdit(3, 1, List.of("x")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
