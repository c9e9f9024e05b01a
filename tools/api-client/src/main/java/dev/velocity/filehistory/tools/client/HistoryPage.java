package dev.velocity.filehistory.tools.client;

import java.util.List;

/** One page of GET .../files/history, newest first; {@code next} is the {@code before} of the next page, or null. */
public record HistoryPage(List<HistoryEntry> entries, Integer next) {

    /** The largest page the service gives. */
    public static final int MAX_LIMIT = 1000;

    /** One entry: a version with the hash of its content and when it was made (ISO-8601). */
    public record HistoryEntry(int version, String contentHash, String at) {}
}
