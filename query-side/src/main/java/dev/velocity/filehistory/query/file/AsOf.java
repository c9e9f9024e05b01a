package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.platform.web.ApiProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A point in a project's history: just after the event at an audit-stream position (its global index), or at an
 * instant, which includes every entry whose time is at or before it. A file's entries grow in both with its
 * version, so either picks one entry per file.
 */
record AsOf(Long position, Instant at) {

    /** From the query parameters {@code at} and {@code position}: none, one of them, else 400. */
    static Optional<AsOf> parse(String at, String position) {
        boolean hasAt = at != null && !at.isEmpty();
        boolean hasPosition = position != null && !position.isEmpty();
        if (hasAt && hasPosition) {
            throw ApiProblem.badRequest("Give either 'at' or 'position', not both");
        }
        if (hasAt) {
            return Optional.of(new AsOf(null, instant(at)));
        }
        if (hasPosition) {
            return Optional.of(new AsOf(position(position), null));
        }
        return Optional.empty();
    }

    private static Instant instant(String raw) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(raw, Instant::from);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("'at' must be an ISO-8601 instant with an offset, e.g. 2025-01-31T12:00:00Z"
                    + " (a '+' offset must be sent as %2B)");
        }
    }

    private static long position(String raw) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0) {
            throw ApiProblem.badRequest("'position' must be an audit-stream position (a whole number of at least 0)");
        }
        return value;
    }
}
