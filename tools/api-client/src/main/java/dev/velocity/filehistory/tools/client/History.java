package dev.velocity.filehistory.tools.client;

import dev.velocity.filehistory.tools.client.HistoryPage.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Every history entry of a file as read page by page, and what did not hold while reading it. */
public record History(List<HistoryEntry> entries, List<String> problems) {

    /** version -> the content hashes stored under it: more than one is a duplicate version. */
    public TreeMap<Integer, List<String>> hashesByVersion() {
        TreeMap<Integer, List<String>> byVersion = new TreeMap<>();
        for (HistoryEntry entry : entries) {
            byVersion.computeIfAbsent(entry.version(), v -> new ArrayList<>()).add(entry.contentHash());
        }
        return byVersion;
    }
}
