package dev.velocity.filehistory.query.export;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code eventHash} of stored events (the hash chain), read from the stored payload itself, so the export
 * needs no event class that knows the field and leaves it out for events stored before it existed. PostgreSQL
 * picks the field out of the JSON, so an event's content (up to 10 MiB) never travels to read 64 characters.
 */
@Component
class StoredEventHashes {

    private final JdbcTemplate jdbc;

    StoredEventHashes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The hash of each event at the given positions that has one. */
    Map<Long, String> at(Collection<Long> positions) {
        Map<Long, String> hashes = new HashMap<>();
        if (positions.isEmpty()) {
            return hashes;
        }
        String placeholders = String.join(", ", Collections.nCopies(positions.size(), "?"));
        jdbc.query("SELECT globalindex, convert_from(payload, 'UTF8')::json ->> 'eventHash' FROM domainevententry "
                        + "WHERE globalindex IN (" + placeholders + ")",
                rs -> {
                    String hash = rs.getString(2);
                    if (hash != null && !hash.isBlank()) {
                        hashes.put(rs.getLong(1), hash);
                    }
                },
                positions.toArray());
        return hashes;
    }
}
