package dev.velocity.filehistory.platform.web;

/**
 * Whole-number query parameters as the API takes them, else 400: versions and limits up to 2^31-1, audit-stream
 * positions up to 2^63-1 (the event store's global index).
 */
public final class NumberParameters {

    private NumberParameters() {
    }

    /** Parses an optional query parameter; null or absent stays null. */
    public static Integer optional(String name, String raw, int min) {
        return optional(name, raw, min, Integer.MAX_VALUE);
    }

    public static Integer optional(String name, String raw, int min, int max) {
        return inRange(name, parse(name, raw), min, max);
    }

    /** Parses an optional audit-stream position; null or absent stays null. */
    public static Long optionalPosition(String name, String raw, long min) {
        Long value = parse(name, raw);
        if (value != null && value < min) {
            throw ApiProblem.badRequest("'" + name + "' must be at least " + min);
        }
        return value;
    }

    private static Long parse(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("'" + name + "' must be a whole number");
        }
    }

    public static int required(String name, String raw, int min) {
        Integer value = optional(name, raw, min);
        if (value == null) {
            throw ApiProblem.badRequest("'" + name + "' is required");
        }
        return value;
    }

    /** Checks a number read from a JSON body. */
    public static Integer inRange(String name, Long value, int min) {
        return inRange(name, value, min, Integer.MAX_VALUE);
    }

    private static Integer inRange(String name, Long value, int min, int max) {
        if (value == null) {
            return null;
        }
        if (value < min || value > max) {
            throw ApiProblem.badRequest("'" + name + "' must be between " + min + " and " + max);
        }
        return value.intValue();
    }
}
