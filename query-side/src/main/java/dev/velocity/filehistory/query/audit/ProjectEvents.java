package dev.velocity.filehistory.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every stored event of a project, file by file in sequence order, read as the event store reads them (through
 * the upcasters), one row at a time: PostgreSQL streams a result in batches of the fetch size, never the whole
 * history at once, but only inside a transaction (autocommit off). Files belong to the project by their path
 * claim, as in the audit stream.
 */
@Component
class ProjectEvents {

    private static final int FETCH_SIZE = 256;
    private static final String PROJECT_EVENTS = """
            SELECT e.aggregateidentifier, e.sequencenumber, e.globalindex, e.type, e.eventidentifier,
                   e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata
            FROM domainevententry e JOIN file_paths f ON e.aggregateidentifier = f.file_id::text
            WHERE f.project_id = ?
            ORDER BY e.aggregateidentifier, e.sequencenumber
            """;

    private final JdbcTemplate streaming;
    private final Serializer serializer;
    private final Configuration axon;

    ProjectEvents(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.serializer = serializer;
        this.axon = axon;
    }

    void forEach(UUID projectId, Consumer<StoredEvent> consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Reading a project's events needs a transaction, or PostgreSQL would "
                    + "load them all at once");
        }
        streaming.query(PROJECT_EVENTS, rs -> {
            consumer.accept(read(rs));
        }, projectId);
    }

    private StoredEvent read(ResultSet rs) throws SQLException {
        String fileId = rs.getString(1);
        long sequence = rs.getLong(2);
        long position = rs.getLong(3);
        String timestamp = rs.getString(8);
        try {
            GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString(4), fileId, sequence,
                    rs.getString(5), timestamp, rs.getString(6), rs.getString(7), rs.getBytes(9), rs.getBytes(10));
            Object payload = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                    axon.upcasterChain()).next().getPayload();
            return new StoredEvent(fileId, sequence, position, Instant.parse(timestamp), payload, null);
        } catch (RuntimeException e) {
            return new StoredEvent(fileId, sequence, position, parseOrNull(timestamp), null, reason(e));
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
