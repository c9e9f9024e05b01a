package dev.velocity.filehistory.tools.bench.design;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stored history of one file after a workload, as the store itself tells it, against what clients were told. */
public record Integrity(int storedVersions, int gaps, int duplicateVersions, int currentMarkers,
                        Integer currentVersion, int acknowledgedButMissing, int acknowledgedTwice,
                        int storedButNotAcknowledged, String note) {

    /** {@code stored}: version -> the hashes stored under it; {@code seeded}: versions made before the workload. */
    public static Integrity compare(Map<Integer, List<String>> stored, int currentMarkers, Integer currentVersion,
                                    int seeded, List<Ack> acks, String note) {
        int storedVersions = stored.values().stream().mapToInt(List::size).sum();
        int duplicates = stored.values().stream().mapToInt(hashes -> hashes.size() - 1).sum();
        int top = stored.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int gaps = 0;
        for (int v = 1; v <= top; v++) {
            if (!stored.containsKey(v)) {
                gaps++;
            }
        }
        Map<Integer, Integer> announced = new TreeMap<>();
        int missing = 0;
        for (Ack ack : acks) {
            announced.merge(ack.version(), 1, Integer::sum);
            List<String> hashes = stored.get(ack.version());
            if (hashes == null || !hashes.contains(ack.contentHash())) {
                missing++;
            }
        }
        int twice = announced.values().stream().mapToInt(n -> n - 1).sum();
        int unacknowledged = Math.max(0, storedVersions - seeded - (acks.size() - twice));
        return new Integrity(storedVersions, gaps, duplicates, currentMarkers, currentVersion,
                missing, twice, unacknowledged, note);
    }

    /** Everything that should be 0 (a file without exactly one current version counts 1). */
    public int problems() {
        return gaps + duplicateVersions + acknowledgedButMissing + acknowledgedTwice + storedButNotAcknowledged
                + (currentMarkers == 1 ? 0 : 1);
    }

    /** The history check of several files on one line. */
    public static String line(List<Integrity> all) {
        Integrity sum = all.stream().reduce(new Integrity(0, 0, 0, 0, null, 0, 0, 0, null), Integrity::plus);
        long notOneCurrent = all.stream().filter(i -> i.currentMarkers() != 1).count();
        List<String> notes = all.stream().map(Integrity::note).filter(note -> note != null).toList();
        String line = "stored versions " + sum.storedVersions + ", gaps " + sum.gaps + ", duplicate versions "
                + sum.duplicateVersions + ", acknowledged but not stored " + sum.acknowledgedButMissing
                + ", same version acknowledged twice " + sum.acknowledgedTwice + ", stored but never acknowledged "
                + sum.storedButNotAcknowledged + ", files without exactly one current marker " + notOneCurrent + "/"
                + all.size();
        return notes.isEmpty() ? line : line + "; " + String.join("; ", notes);
    }

    private Integrity plus(Integrity other) {
        return new Integrity(storedVersions + other.storedVersions, gaps + other.gaps,
                duplicateVersions + other.duplicateVersions, 0, null, acknowledgedButMissing + other.acknowledgedButMissing,
                acknowledgedTwice + other.acknowledgedTwice, storedButNotAcknowledged + other.storedButNotAcknowledged,
                null);
    }
}
