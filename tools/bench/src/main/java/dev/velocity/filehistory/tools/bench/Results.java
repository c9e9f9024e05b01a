package dev.velocity.filehistory.tools.bench;

import java.util.List;
import java.util.stream.Stream;

/** Every section's result, in report order. */
public record Results(List<SectionResult> sections) {

    /** The results of one kind, e.g. every workload section's, for a target that compares across sections. */
    public <T extends SectionResult> Stream<T> of(Class<T> type) {
        return sections.stream().filter(type::isInstance).map(type::cast);
    }
}
