package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.Results;
import dev.velocity.filehistory.tools.bench.SectionResult;
import dev.velocity.filehistory.tools.bench.TargetRow;
import java.util.List;

/** A workload section's pairs (one per workload), judged by the section's target rule. */
record WorkloadResults(List<Pair> pairs, WorkloadTargets.Rule rule) implements SectionResult {

    /** The pair of the workload named {@code key} in any workload section, or null if it did not run. */
    static Pair pair(Results all, String key) {
        return all.of(WorkloadResults.class).flatMap(results -> results.pairs().stream())
                .filter(pair -> pair.workload().key().equals(key)).findFirst().orElse(null);
    }

    @Override
    public List<TargetRow> targets(Results all) {
        return pairs.stream().flatMap(pair -> rule.rows(pair, all).stream()).toList();
    }

    @Override
    public List<String> summaryRows() {
        return pairs.stream().map(WorkloadTable::summaryRow).toList();
    }

    @Override
    public String details() {
        StringBuilder md = new StringBuilder();
        pairs.forEach(pair -> md.append(WorkloadTable.section(pair)));
        return md.toString();
    }
}
