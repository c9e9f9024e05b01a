package dev.velocity.filehistory.history.content;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.velocity.filehistory.api.LineEdit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Line edits between two texts (Myers diff, java-diff-utils) and their application, as {@link LineEdit} defines
 * them. The common head and tail are cut off first, so the diff only sees the region an edit touched.
 */
public final class LineEdits {

    /**
     * Above this many lines between the first and the last changed line, on both sides together, a full copy is
     * kept rather than diffed (Myers' cost grows with lines times differences). Three edits far apart in a
     * 3,000-line file span most of it, so this must be well above a large source file.
     */
    private static final int MAX_DIFFED_LINES = 100_000;
    /** The bytes a stored edit costs beyond its inserted text (field names, numbers, quotes). */
    private static final int EDIT_OVERHEAD = 32;

    private LineEdits() {
    }

    public static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    /**
     * The edits that turn {@code base} into {@code target}, or empty when they would not be much smaller than
     * {@code target} itself (then the full text is the better record).
     */
    public static Optional<List<LineEdit>> between(String base, String target) {
        ChangedRegion region = ChangedRegion.of(base, target);
        if (region.oldLines().size() + region.newLines().size() > MAX_DIFFED_LINES
                || mostlyNew(region.oldLines(), region.newLines())) {
            return Optional.empty();
        }
        List<LineEdit> edits = region.edits();
        return weight(edits) * 2 <= target.length() ? Optional.of(edits) : Optional.empty();
    }

    /**
     * The edits that turn {@code base} into {@code target}, whatever their size: the diff that the editor's line
     * diff must agree with ({@code ServerLineEditsFixtureTest} writes what it gives for seeded pairs to
     * editor-ui/test/fixtures/server-line-edits.json, and the editor's tests compare their own diff with it).
     */
    public static List<LineEdit> diff(String base, String target) {
        return ChangedRegion.of(base, target).edits();
    }

    /** The base with the edits applied. */
    public static String apply(String base, List<LineEdit> edits) {
        List<String> from = lines(base);
        List<String> result = new ArrayList<>(from.size() + 16);
        int next = 0;
        for (LineEdit edit : edits) {
            if (edit.at() < next || edit.at() + edit.delete() > from.size()) {
                throw new IllegalArgumentException("Edit at line " + edit.at() + " does not fit a text of "
                        + from.size() + " lines");
            }
            result.addAll(from.subList(next, edit.at()));
            result.addAll(edit.insert());
            next = edit.at() + edit.delete();
        }
        result.addAll(from.subList(next, from.size()));
        return String.join("\n", result);
    }

    /** About how many characters the edits take when stored. */
    public static long weight(List<LineEdit> edits) {
        long chars = 0;
        for (LineEdit edit : edits) {
            chars += EDIT_OVERHEAD;
            for (String line : edit.insert()) {
                chars += line.length() + 3;
            }
        }
        return chars;
    }

    /** The lines between the common head and the common tail of two texts: the only part the diff sees. */
    private record ChangedRegion(int head, List<String> oldLines, List<String> newLines) {

        static ChangedRegion of(String base, String target) {
            List<String> from = lines(base);
            List<String> to = lines(target);
            int head = 0;
            int shorter = Math.min(from.size(), to.size());
            while (head < shorter && from.get(head).equals(to.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < shorter - head
                    && from.get(from.size() - 1 - tail).equals(to.get(to.size() - 1 - tail))) {
                tail++;
            }
            return new ChangedRegion(head, from.subList(head, from.size() - tail), to.subList(head, to.size() - tail));
        }

        List<LineEdit> edits() {
            List<LineEdit> edits = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils.diff(oldLines, newLines).getDeltas()) {
                edits.add(new LineEdit(head + delta.getSource().getPosition(), delta.getSource().size(),
                        List.copyOf(delta.getTarget().getLines())));
            }
            return edits;
        }
    }

    /** Whether fewer than half the new lines occur in the old text at all: a rewrite, not an edit. */
    private static boolean mostlyNew(List<String> oldLines, List<String> newLines) {
        if (newLines.size() < 16) {
            return false;
        }
        Set<String> known = new HashSet<>(oldLines);
        int kept = 0;
        for (String line : newLines) {
            if (known.contains(line)) {
                kept++;
            }
        }
        return kept * 2 < newLines.size();
    }
}
