package dev.velocity.filehistory.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every read of Axon's event table ({@code domainevententry}, the shape of Axon's default {@code EventSchema}) that
 * Axon's own event store does not make: content rebuilds, the audit stream and its horizon, read-model catch-up and
 * the export's hashes. No other class names the table; where a caller must keep a read in its own statement (one
 * round trip on a hot path), it takes the SQL fragment from here.
 */
@Component
public class EventTable {

    /**
     * The global index (audit-stream position) of the event with the given aggregate identifier and sequence number,
     * as a subquery with those two parameters: the read-model projection inserts it in the same statement as the row.
     */
    public static final String POSITION_OF_EVENT =
            "(SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?)";

    private static final int FETCH_SIZE = 256;
    private static final String ROW = """
            SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype,
                   payloadrevision, timestamp, payload, metadata
            FROM domainevententry
            """;
    private static final String SINCE_NEWEST_OF = """
            SELECT payloadtype, payloadrevision, payload FROM domainevententry
            WHERE aggregateidentifier = ? AND sequencenumber <= ? AND payloadtype = ANY (?)
              AND sequencenumber >= (SELECT max(sequencenumber) FROM domainevententry
                                     WHERE aggregateidentifier = ? AND sequencenumber <= ?
                                       AND payloadtype = ANY (?))
            ORDER BY sequencenumber
            """;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    EventTable(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /** A stored event as its row holds it: serialized payload and metadata, the timestamp as stored. */
    public record StoredEventRow(long position, String aggregateId, long sequence, String aggregateType,
                                 String eventId, String payloadType, String payloadRevision, String timestamp,
                                 byte[] payload, byte[] metadata) {

        /** The row as Axon's event store reads it, for its upcasters and serializer. */
        public GenericDomainEventEntry<byte[]> entry() {
            return new GenericDomainEventEntry<>(aggregateType, aggregateId, sequence, eventId, timestamp,
                    payloadType, payloadRevision, payload, metadata);
        }
    }

    /** A position that holds an event and the time the event was stamped with. */
    public record Indexed(long position, Instant timestamp) {
    }

    /** How many events are stored and the newest position (0 when there is none). */
    public record Stored(long events, long newestPosition) {
    }

    /** The newest position visible now; 0 when no event is stored. */
    public long newestPosition() {
        Long newest = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return newest == null ? 0 : newest;
    }

    public Stored stored() {
        return jdbc.queryForObject("SELECT count(*), coalesce(max(globalindex), 0) FROM domainevententry",
                (rs, i) -> new Stored(rs.getLong(1), rs.getLong(2)));
    }

    /** How many stored events have a position at or below {@code position}. */
    public long countThrough(long position) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class,
                position);
        return count == null ? 0 : count;
    }

    /** The first {@code limit} positions after {@code after} that hold a visible event, in order. */
    public List<Indexed> positionsAfter(long after, int limit) {
        return jdbc.query("SELECT globalindex, timestamp FROM domainevententry WHERE globalindex > ? "
                        + "ORDER BY globalindex LIMIT ?",
                (rs, i) -> new Indexed(rs.getLong(1), Instant.parse(rs.getString(2))), after, limit);
    }

    /** The lowest of the positions that holds a visible event, if any does. */
    public OptionalLong lowestStoredAt(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return OptionalLong.empty();
        }
        Long lowest = jdbc.queryForObject("SELECT min(globalindex) FROM domainevententry WHERE globalindex = ANY (?)",
                Long.class, (Object) positions.toArray(Long[]::new));
        return lowest == null ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /**
     * One top-level text field of the JSON payloads at the given positions, for those that have it: PostgreSQL picks
     * the field out, so a payload (up to 10 MiB of content) never travels to read a few characters.
     */
    public Map<Long, String> payloadFieldAt(String field, Collection<Long> positions) {
        Map<Long, String> values = new HashMap<>();
        if (positions.isEmpty()) {
            return values;
        }
        jdbc.query("SELECT globalindex, convert_from(payload, 'UTF8')::json ->> ? FROM domainevententry "
                        + "WHERE globalindex = ANY (?)",
                rs -> {
                    String value = rs.getString(2);
                    if (value != null && !value.isBlank()) {
                        values.put(rs.getLong(1), value);
                    }
                },
                field, positions.toArray(Long[]::new));
        return values;
    }

    /**
     * The serialized payloads of one aggregate's events of the given types, from the newest of {@code startTypes}
     * at or before {@code throughSequence} up to that sequence, in order; empty if there is no such start.
     */
    public List<SerializedObject<byte[]>> sinceNewestOf(String aggregateId, long throughSequence,
                                                        Collection<String> startTypes,
                                                        Collection<String> followingTypes) {
        String[] start = startTypes.toArray(String[]::new);
        String[] any = Stream.concat(startTypes.stream(), followingTypes.stream())
                .toArray(String[]::new);
        return jdbc.query(SINCE_NEWEST_OF,
                (rs, i) -> new SimpleSerializedObject<>(rs.getBytes(3), byte[].class, rs.getString(1),
                        rs.getString(2)),
                aggregateId, throughSequence, any, aggregateId, throughSequence, start);
    }

    /**
     * At most {@code limit} events of the given aggregates with positions in ({@code after}, {@code upTo}], in
     * position order.
     */
    public void forEachInPositionOrder(Collection<String> aggregateIds, long after, long upTo, int limit,
                                       Consumer<StoredEventRow> consumer) {
        jdbc.query(ROW + "WHERE aggregateidentifier = ANY (?) AND globalindex > ? AND globalindex <= ? "
                        + "ORDER BY globalindex LIMIT ?",
                (RowCallbackHandler) rs -> consumer.accept(row(rs)),
                aggregateIds.toArray(String[]::new), after, upTo, limit);
    }

    /**
     * Every event of the given aggregates, aggregate by aggregate in sequence order, one row at a time: PostgreSQL
     * streams a result in batches of the fetch size, never the whole history at once, but only inside a
     * transaction (autocommit off).
     */
    public void streamInAggregateOrder(Collection<String> aggregateIds, Consumer<StoredEventRow> consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Streaming events needs a transaction, or PostgreSQL would load them all "
                    + "at once");
        }
        streaming.query(ROW + "WHERE aggregateidentifier = ANY (?) ORDER BY aggregateidentifier, sequencenumber",
                (RowCallbackHandler) rs -> consumer.accept(row(rs)),
                (Object) aggregateIds.toArray(String[]::new));
    }

    /**
     * SQL for the number of events stored for the aggregate whose identifier (as text) the given expression of the
     * caller's statement yields, which is the version the stream holds; NULL when it holds none.
     */
    public static String storedVersionOf(String aggregateIdExpression) {
        return "(SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = "
                + aggregateIdExpression + ")";
    }

    private static StoredEventRow row(ResultSet rs) throws SQLException {
        return new StoredEventRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }
}
