package dev.velocity.filehistory.api;

import java.util.List;

/**
 * One edit of a text's lines. A text's lines are what splitting it at every {@code "\n"} gives (so a text ending
 * in a newline has an empty last line); joining them with {@code "\n"} gives the text back. The edit removes
 * {@code delete} lines starting at line {@code at} (0-based) of the base text and puts {@code insert} in their
 * place. A list of edits is sorted by {@code at}, its edits do not overlap, and every {@code at} counts lines of
 * the base text, before any edit of the list is applied.
 */
public record LineEdit(int at, int delete, List<String> insert) {
}
