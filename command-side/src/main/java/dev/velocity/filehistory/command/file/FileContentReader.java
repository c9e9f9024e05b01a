package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the content a file had at a version from its own event stream (version v is sequence number v-1): the
 * newest content-carrying event at or before it, since a move or delete carries no content. One indexed query,
 * and only that one event is deserialised.
 */
@Component
class FileContentReader {

    private static final List<String> CONTENT_EVENTS = List.of(FileCreatedEvent.class.getName(),
            FileVersionSavedEvent.class.getName(), FileRestoredEvent.class.getName());

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    FileContentReader(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    Optional<String> contentAt(String fileId, int version) {
        List<Object> events = jdbc.query(
                "SELECT payloadtype, payloadrevision, payload FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND sequencenumber <= ? AND payloadtype IN (?, ?, ?) "
                        + "ORDER BY sequencenumber DESC LIMIT 1",
                (rs, i) -> eventSerializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(3), byte[].class,
                        rs.getString(1), rs.getString(2))),
                fileId, version - 1L, CONTENT_EVENTS.get(0), CONTENT_EVENTS.get(1), CONTENT_EVENTS.get(2));
        return events.stream().findFirst().map(FileContentReader::contentOf);
    }

    private static String contentOf(Object event) {
        if (event instanceof FileCreatedEvent created) {
            return created.content();
        }
        if (event instanceof FileVersionSavedEvent saved) {
            return saved.content();
        }
        return ((FileRestoredEvent) event).content();
    }
}
