package dev.velocity.filehistory.query.file;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;

/** Myers' diff (java-diff-utils) of two texts by line, written as {@code diff -u} writes it. */
final class UnifiedDiff {

    private static final int CONTEXT_LINES = 3;

    private UnifiedDiff() {
    }

    static String between(String originalName, String original, String revisedName, String revised) {
        List<String> originalLines = lines(original);
        Patch<String> patch = DiffUtils.diff(originalLines, lines(revised));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(originalName, revisedName, originalLines, patch,
                CONTEXT_LINES);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    /** A final newline ends the last line rather than starting an empty one. */
    private static List<String> lines(String content) {
        if (content == null || content.isEmpty()) {
            return List.of();
        }
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        return Arrays.asList(body.split("\n", -1));
    }
}
