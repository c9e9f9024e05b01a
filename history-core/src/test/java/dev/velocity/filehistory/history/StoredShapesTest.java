package dev.velocity.filehistory.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stored payload is a flat JSON object of the record's own fields: the accessors the shared interfaces add
 * ({@code path()} of a move, {@code fileType()} of a move or delete) are never stored, and every field is.
 */
class StoredShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFileEventIsStoredAsExactlyItsRecordFields() {
        List<FileEvent> events = List.of(
                new FileCreatedEvent("p", "f", "a", 1, "x", "h", 1, "text", "m", "u", "op", null, null),
                new FileVersionSavedEvent("p", "f", "a", 2, "y", "h", 1, null, null, "u", null, null, null),
                new FileEditedEvent("p", "f", "a", 3, List.of(), "e", "h", 1, null, null, "u", null, null, null),
                new FileMovedEvent("p", "f", "a", "b", 4, "h", 1, null, "u", null, null, null),
                new FileDeletedEvent("p", "f", "b", 5, "h", 1, null, "u", null, null, null),
                new FileRestoredEvent("p", "f", "b", 6, 1, "x", "h", 1, null, null, "u", null, null, null));
        for (FileEvent event : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = JSON.convertValue(event, Map.class);
            List<String> fields = Arrays.stream(event.getClass().getRecordComponents())
                    .map(RecordComponent::getName).toList();
            assertThat(stored.keySet()).as(event.getClass().getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(fields);
        }
    }
}
