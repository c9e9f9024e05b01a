package dev.velocity.filehistory.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.platform.testing.SettingsBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

class CommandSidePropertiesTest {

    private static final SettingsBinding SETTINGS = new SettingsBinding(Enabled.class);

    @EnableConfigurationProperties(CommandSideProperties.class)
    static class Enabled {
    }

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        assertThat(SETTINGS.bind(CommandSideProperties.class, Map.of()))
                .isEqualTo(new CommandSideProperties(2000L, 100, Duration.ofSeconds(5)));
    }

    @Test
    void anEmptyVariableMeansTheDefault() {
        assertThat(SETTINGS.bind(CommandSideProperties.class, Map.of("VELOCITY_AGGREGATE_CACHE_SIZE", "",
                "VELOCITY_SNAPSHOT_THRESHOLD", "", "VELOCITY_FILE_TURN_TIMEOUT", "")))
                .isEqualTo(new CommandSideProperties(2000L, 100, Duration.ofSeconds(5)));
    }

    @Test
    void environmentVariablesBindByTheirDocumentedNames() {
        assertThat(SETTINGS.bind(CommandSideProperties.class, Map.of("VELOCITY_AGGREGATE_CACHE_SIZE", "10",
                "VELOCITY_SNAPSHOT_THRESHOLD", "5", "VELOCITY_FILE_TURN_TIMEOUT", "2s")))
                .isEqualTo(new CommandSideProperties(10L, 5, Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @CsvSource({
            "VELOCITY_AGGREGATE_CACHE_SIZE, -1, aggregateCacheSize",
            "VELOCITY_SNAPSHOT_THRESHOLD, 0, snapshotThreshold",
            "VELOCITY_FILE_TURN_TIMEOUT, 0s, fileTurnTimeout",
    })
    void aBadValueStopsTheStartUpNamingTheSetting(String variable, String value, String field) {
        assertThat(SETTINGS.startupFailure(Map.of(variable, value)))
                .contains("Binding validation errors on velocity", "on field '" + field + "'",
                        "origin \"" + variable + "\"");
    }
}
