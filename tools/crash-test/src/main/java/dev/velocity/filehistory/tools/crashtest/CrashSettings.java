package dev.velocity.filehistory.tools.crashtest;

import java.util.List;
import java.util.Map;

/**
 * The crash test's knobs, each with its default written once here: CRASH_CLIENTS (16), CRASH_LOAD_SECONDS (8),
 * CRASH_TIMEOUT_SECONDS (240), CRASH_JAVA_OPTS (-XX:TieredStopAtLevel=1: C1 only starts the JVM faster on a busy
 * machine and changes nothing the database does), CRASH_KEEP (keep logs and data after a pass).
 */
record CrashSettings(int clients, int loadSeconds, int timeoutSeconds, List<String> javaOptions, boolean keep) {

    static CrashSettings from(Map<String, String> environment) {
        return new CrashSettings(
                Integer.parseInt(value(environment, "CRASH_CLIENTS", "16")),
                Integer.parseInt(value(environment, "CRASH_LOAD_SECONDS", "8")),
                Integer.parseInt(value(environment, "CRASH_TIMEOUT_SECONDS", "240")),
                List.of(value(environment, "CRASH_JAVA_OPTS", "-XX:TieredStopAtLevel=1").trim().split("\\s+")),
                environment.get("CRASH_KEEP") != null);
    }

    private static String value(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
