package dev.velocity.filehistory.tools.bench;

import dev.velocity.filehistory.tools.bench.history.HistorySection;
import dev.velocity.filehistory.tools.bench.storage.StorageSection;
import dev.velocity.filehistory.tools.bench.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every section of the bench, in report order; BENCH_ONLY picks some by key. */
final class Sections {

    private Sections() {}

    static List<Section> all(BenchOptions options) {
        List<Section> sections = new ArrayList<>(Workloads.sections(options));
        sections.add(new HistorySection(options));
        sections.add(new StorageSection(options));
        return sections;
    }

    /** The sections {@code only} names (comma-separated; blank: all), in report order; an unknown key throws. */
    static List<Section> selected(List<Section> all, String only) {
        List<String> known = all.stream().map(Section::key).toList();
        if (only.isBlank()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>(List.of(only.strip().split("\\s*,\\s*")));
        for (String key : wanted) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown section " + key + "; known: " + known);
            }
        }
        return all.stream().filter(section -> wanted.contains(section.key())).toList();
    }
}
