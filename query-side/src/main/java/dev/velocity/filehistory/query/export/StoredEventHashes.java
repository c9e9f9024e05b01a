package dev.velocity.filehistory.query.export;

import dev.velocity.filehistory.platform.eventstore.EventTable;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code eventHash} of stored events (the hash chain), read from the stored payload itself, so the export
 * needs no event class that knows the field and leaves it out for events stored before it existed.
 */
@Component
class StoredEventHashes {

    private final EventTable events;

    StoredEventHashes(EventTable events) {
        this.events = events;
    }

    /** The hash of each event at the given positions that has one. */
    Map<Long, String> at(Collection<Long> positions) {
        return events.payloadFieldAt("eventHash", positions);
    }
}
