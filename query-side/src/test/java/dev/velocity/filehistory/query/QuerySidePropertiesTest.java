package dev.velocity.filehistory.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.platform.testing.SettingsBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

class QuerySidePropertiesTest {

    private static final SettingsBinding SETTINGS = new SettingsBinding(Enabled.class);

    @EnableConfigurationProperties(QuerySideProperties.class)
    static class Enabled {
    }

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        assertThat(SETTINGS.bind(QuerySideProperties.class, Map.of())).isEqualTo(new QuerySideProperties(
                Duration.ofMinutes(30), new QuerySideProperties.Projection(1, 1, 200)));
    }

    @Test
    void anEmptyVariableMeansTheDefault() {
        assertThat(SETTINGS.bind(QuerySideProperties.class, Map.of("VELOCITY_STREAM_TIMEOUT", "",
                "VELOCITY_PROJECTION_THREADS", "", "VELOCITY_PROJECTION_BATCH", ""))).isEqualTo(new QuerySideProperties(
                Duration.ofMinutes(30), new QuerySideProperties.Projection(1, 1, 200)));
    }

    @Test
    void environmentVariablesBindByTheirDocumentedNames() {
        assertThat(SETTINGS.bind(QuerySideProperties.class, Map.of("VELOCITY_STREAM_TIMEOUT", "2h",
                "VELOCITY_PROJECTION_THREADS", "2", "VELOCITY_PROJECTION_SEGMENTS", "4",
                "VELOCITY_PROJECTION_BATCH", "50"))).isEqualTo(new QuerySideProperties(
                Duration.ofHours(2), new QuerySideProperties.Projection(2, 4, 50)));
    }

    @ParameterizedTest
    @CsvSource({
            "VELOCITY_STREAM_TIMEOUT, 0s, streamTimeout",
            "VELOCITY_PROJECTION_THREADS, 0, projection.threads",
            "VELOCITY_PROJECTION_SEGMENTS, -1, projection.segments",
            "VELOCITY_PROJECTION_BATCH, 0, projection.batch",
    })
    void aBadValueStopsTheStartUpNamingTheSetting(String variable, String value, String field) {
        assertThat(SETTINGS.startupFailure(Map.of(variable, value)))
                .contains("Binding validation errors on velocity", "on field '" + field + "'");
    }
}
