package dev.velocity.filehistory.tools.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bench's arguments, as bench/run.sh passes them: {@code key=value} each, {@code meta.KEY=VALUE} for the
 * report's settings table. The defaults here are the program's; run.sh sets every one it has a knob for.
 */
public record BenchOptions(Map<String, String> values, Map<String, String> meta) {

    public static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            if (key.startsWith("meta.")) {
                meta.put(key.substring("meta.".length()), value);
            } else {
                values.put(key, value);
            }
        }
        return new BenchOptions(values, meta);
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** Null if not given. */
    public String text(String key) {
        return values.get(key);
    }

    public int number(String key, int fallback) {
        return Integer.parseInt(text(key, Integer.toString(fallback)));
    }

    public long longNumber(String key, long fallback) {
        return Long.parseLong(text(key, Long.toString(fallback)));
    }

    public Duration seconds(String key, long fallback) {
        return Duration.ofSeconds(longNumber(key, fallback));
    }

    /** Saves per client in contention, lww and distinct (rejected, lag and big use half). */
    public int saves() {
        return number("saves", 200);
    }

    public int contentBytes() {
        return number("contentBytes", 10240);
    }

    /** Each workload and design is cut at this. */
    public Duration deadline() {
        return seconds("deadlineSeconds", 40);
    }

    /** A smoke run: too few saves to judge a target. */
    public boolean quick() {
        return "1".equals(text("quick"));
    }

    /** The service's origin; null: Velocity is not measured. */
    public String api() {
        return text("api");
    }
}
