package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.platform.eventstore.EventTable;
import dev.velocity.filehistory.platform.eventstore.EventTable.StoredEventRow;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Every stored event of a project, stream by stream (each file's and the project's own) in sequence order, read as
 * the event store reads them (through the upcasters), one row at a time, with the payload revision each was stored
 * at. Streams belong to the project by the query side's own map ({@link ProjectFiles}), as in the audit stream.
 */
@Component
class ProjectEvents {

    private final ProjectFiles files;
    private final EventTable events;
    private final Serializer serializer;
    private final Configuration axon;

    ProjectEvents(ProjectFiles files, EventTable events, @Qualifier("eventSerializer") Serializer serializer,
                  Configuration axon) {
        this.files = files;
        this.events = events;
        this.serializer = serializer;
        this.axon = axon;
    }

    /** Streams the events; needs a transaction (see {@link EventTable#streamInAggregateOrder}). */
    void forEach(UUID projectId, Consumer<StoredEvent> consumer) {
        events.streamInAggregateOrder(files.of(projectId), row -> consumer.accept(read(row)));
    }

    private StoredEvent read(StoredEventRow row) {
        String timestamp = row.timestamp();
        try {
            Object payload = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row.entry()), serializer,
                    axon.upcasterChain()).next().getPayload();
            return new StoredEvent(row.aggregateId(), row.sequence(), row.position(), Instant.parse(timestamp),
                    row.payloadRevision(), payload, null);
        } catch (RuntimeException e) {
            return new StoredEvent(row.aggregateId(), row.sequence(), row.position(), parseOrNull(timestamp),
                    row.payloadRevision(), null, reason(e));
        }
    }

    private static Instant parseOrNull(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + ": " + (message.length() > 160 ? message.substring(0, 160) : message);
    }
}
