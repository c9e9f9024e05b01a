package dev.velocity.filehistory.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseDurabilityTest {

    @Test
    void durableSettingsRaiseNoWarning() {
        assertThat(DatabaseDurability.warnings(
                Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"))).isEmpty();
        assertThat(DatabaseDurability.warnings(
                Map.of("fsync", "on", "synchronous_commit", "local", "full_page_writes", "on"))).isEmpty();
    }

    @Test
    void eachSettingThatCanLoseAcknowledgedCommitsIsNamed() {
        assertThat(DatabaseDurability.warnings(
                Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")))
                .hasSize(3)
                .anySatisfy(w -> assertThat(w).startsWith("fsync=off"))
                .anySatisfy(w -> assertThat(w).startsWith("synchronous_commit=off"))
                .anySatisfy(w -> assertThat(w).startsWith("full_page_writes=off"));
    }
}
