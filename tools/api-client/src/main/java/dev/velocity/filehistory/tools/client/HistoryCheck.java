package dev.velocity.filehistory.tools.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the crash test and the multi-node load check in a file's history after their clients were told "saved":
 * versions are 1..N without a gap or a duplicate, and every acknowledged version is stored with the hash of the
 * content that was sent.
 */
public final class HistoryCheck {

    private HistoryCheck() {}

    /** The failures for one file, each naming it; {@code acknowledged} is version -> hash of the content sent. */
    public static List<String> failures(String path, History history, Map<Integer, String> acknowledged) {
        List<String> failures = new ArrayList<>(history.problems());
        TreeMap<Integer, List<String>> stored = history.hashesByVersion();
        stored.forEach((version, hashes) -> {
            if (hashes.size() > 1) {
                failures.add(path + ": version " + version + " appears " + hashes.size() + " times in the history");
            }
        });
        int top = stored.isEmpty() ? 0 : stored.lastKey();
        int newestAcknowledged = acknowledged.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (top < newestAcknowledged) {
            failures.add(path + ": acknowledged v" + newestAcknowledged + " but stores only up to v" + top);
        }
        if (!stored.isEmpty() && (stored.firstKey() != 1 || stored.size() != top)) {
            failures.add(path + ": versions are not 1.." + top + " without a gap: " + stored.keySet());
        }
        acknowledged.forEach((version, hash) -> {
            List<String> hashes = stored.get(version);
            if (hashes == null) {
                failures.add(path + ": acknowledged v" + version + " is missing");
            } else if (!hashes.contains(hash)) {
                failures.add(path + " v" + version + ": acknowledged hash " + hash + ", stored " + hashes);
            }
        });
        return failures;
    }
}
