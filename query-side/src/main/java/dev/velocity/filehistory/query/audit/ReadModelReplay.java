package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.query.readmodel.CurrentFileChange;
import dev.velocity.filehistory.query.readmodel.CurrentFileRow;
import dev.velocity.filehistory.query.readmodel.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read-model rows of one file as a fresh replay of its events writes them, by the projections' own rules
 * ({@link CurrentFileChange}, {@link HistoryEntry}).
 * <p>
 * Events stored after the request began may or may not be projected yet: their history rows are optional, and
 * the current row may show the file as of any of them, but never older than at the request.
 */
final class ReadModelReplay {

    private CurrentFileRow current;
    private final List<CurrentFileRow> acceptableCurrent = new ArrayList<>(Collections.singletonList(null));
    private final TreeMap<Integer, HistoryEntry> history = new TreeMap<>();
    private final Set<Integer> optionalVersions = new HashSet<>();

    void apply(FileEvent event, Instant at, boolean storedAfterRequest) {
        current = CurrentFileChange.of(event, at).applyTo(current);
        if (!storedAfterRequest) {
            acceptableCurrent.clear();
        }
        acceptableCurrent.add(current);
        if (!history.containsKey(event.version())) {
            history.put(event.version(), HistoryEntry.of(event, at));
            if (storedAfterRequest) {
                optionalVersions.add(event.version());
            }
        }
    }

    /** The current_files rows the read model may hold (null: no row); the first is the file at the request. */
    List<CurrentFileRow> acceptableCurrent() {
        return acceptableCurrent;
    }

    TreeMap<Integer, HistoryEntry> history() {
        return history;
    }

    boolean optional(int version) {
        return optionalVersions.contains(version);
    }
}
