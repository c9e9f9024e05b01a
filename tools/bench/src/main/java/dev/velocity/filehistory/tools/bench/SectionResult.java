package dev.velocity.filehistory.tools.bench;

import java.util.List;

/** What a section found, as the report shows it. */
public interface SectionResult {

    /** Its rows of the targets table at the top; {@code all} lets a row set its figures against another section's. */
    default List<TargetRow> targets(Results all) {
        return List.of();
    }

    /** Its rows of the summary table of workloads (the table shows only when some section has rows). */
    default List<String> summaryRows() {
        return List.of();
    }

    /** Its own tables in Markdown, each under a "## " heading. */
    String details();
}
