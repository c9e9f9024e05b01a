package dev.velocity.filehistory.tools.crashtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrashSettingsTest {

    @Test
    void withoutKnobsTheTestRunsSixteenClientsForEightSecondsWithinFourMinutes() {
        CrashSettings settings = CrashSettings.from(Map.of());

        assertThat(settings).isEqualTo(new CrashSettings(16, 8, 240, List.of("-XX:TieredStopAtLevel=1"), false));
    }

    @Test
    void knobsFromTheEnvironmentWinAndBlankOnesFallBack() {
        CrashSettings settings = CrashSettings.from(Map.of("CRASH_CLIENTS", "4", "CRASH_LOAD_SECONDS", " ",
                "CRASH_JAVA_OPTS", " -Xmx512m  -XX:+UseSerialGC ", "CRASH_KEEP", "1"));

        assertThat(settings.clients()).isEqualTo(4);
        assertThat(settings.loadSeconds()).isEqualTo(8);
        assertThat(settings.javaOptions()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
        assertThat(settings.keep()).isTrue();
    }
}
