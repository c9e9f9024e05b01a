package dev.velocity.filehistory.tools.bench;

import java.util.Collection;
import java.util.function.Function;

/** Table rows of the report: cells joined with '|', and a '|' inside a cell escaped. */
public final class Markdown {

    private Markdown() {}

    public static String row(String... cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(cell.isEmpty() ? " |" : " " + cell.replace("|", "\\|") + " |");
        }
        return line.append('\n').toString();
    }

    /** The header row and its separator. */
    public static String header(String... cells) {
        return row(cells) + "|" + "---|".repeat(cells.length) + "\n";
    }

    /** A row with a label and one cell per item, e.g. one per design. */
    public static <T> String row(String label, Collection<T> items, Function<T, String> cell) {
        String[] cells = new String[items.size() + 1];
        cells[0] = label;
        int i = 1;
        for (T item : items) {
            cells[i++] = cell.apply(item);
        }
        return row(cells);
    }
}
