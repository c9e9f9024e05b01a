package bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stored history of one file after a workload, as the store itself tells it. */
record Integrity(int storedVersions, int gaps, int duplicateVersions, int currentMarkers,
                 Integer currentVersion, int acknowledgedButMissing, int acknowledgedTwice,
                 int storedButNotAcknowledged, String note) {

    /** Compares what a store holds for a file with what its clients were told. */
    static Integrity compare(Map<Integer, List<String>> stored, int currentMarkers, Integer currentVersion,
                             int seeded, List<Ack> acks, String note) {
        int storedVersions = stored.values().stream().mapToInt(List::size).sum();
        int duplicates = stored.values().stream().mapToInt(l -> l.size() - 1).sum();
        int top = stored.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int gaps = 0;
        for (int v = 1; v <= top; v++) if (!stored.containsKey(v)) gaps++;

        Map<Integer, Integer> announced = new TreeMap<>();
        int missing = 0;
        for (Ack ack : acks) {
            announced.merge(ack.version(), 1, Integer::sum);
            List<String> hashes = stored.get(ack.version());
            if (hashes == null || !hashes.contains(ack.contentHash())) missing++;
        }
        int twice = announced.values().stream().mapToInt(n -> n - 1).sum();
        int unacknowledged = Math.max(0, storedVersions - seeded - (acks.size() - twice));
        return new Integrity(storedVersions, gaps, duplicates, currentMarkers, currentVersion,
                missing, twice, unacknowledged, note);
    }
}
