package dev.velocity.filehistory.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionsTest {

    private final List<Section> all = Sections.all(BenchOptions.parse());

    @Test
    void everySectionThatRunShAndTheReadmeNameExistsInReportOrder() {
        assertThat(all).extracting(Section::key).containsExactly(
                "contention", "lww", "distinct", "rejected", "lag", "big", "history", "storage");
    }

    @Test
    void benchOnlyPicksSectionsByKeyAndKeepsReportOrder() {
        assertThat(Sections.selected(all, " storage, lww ")).extracting(Section::key).containsExactly("lww", "storage");
        assertThat(Sections.selected(all, "")).isEqualTo(all);
    }

    @Test
    void anUnknownSectionIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Sections.selected(all, "lww,floor"))
                .hasMessageContaining("unknown section floor").hasMessageContaining("contention");
    }

    @Test
    void onlyStorageRunsBeforeTheOthers() {
        assertThat(all.stream().filter(Section::runsFirst)).extracting(Section::key).containsExactly("storage");
    }
}
