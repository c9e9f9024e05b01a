package dev.velocity.filehistory.query.file;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the read-model processor has come through the event store. {@link #handledThrough} reads the segments'
 * tokens from the shared token store, so every query node answers it, also one whose processor owns no segment;
 * {@link #position} and {@link #replaying} read this node's own processor (the rebuild runs on one node and asks
 * only about itself).
 */
@Component
class ReadModelTracker {

    private static final String TOKENS = "SELECT token, tokentype FROM tokenentry WHERE processorname = ?";

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    ReadModelTracker(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer tokenSerializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    StreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModelProcessor.NAME, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + ReadModelProcessor.NAME));
    }

    /** The lowest position any segment has reached; empty while no segment is claimed. */
    OptionalLong position() {
        Collection<EventTrackerStatus> segments = processor().processingStatus().values();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(segments.stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1));
    }

    /**
     * True once every segment has handled every stored event up to {@code position}, whichever node runs it. A
     * token may have passed an index whose transaction had not committed yet (a gap); such an index counts as
     * handled only while it holds no stored event. No segment stored yet: nothing is handled.
     */
    boolean handledThrough(long position) {
        List<TrackingToken> segments = jdbc.query(TOKENS, (row, n) -> token(row.getBytes(1), row.getString(2)),
                ReadModelProcessor.NAME);
        if (segments.isEmpty()) {
            return false;
        }
        for (TrackingToken segment : segments) {
            long reached = segment == null ? -1 : segment.position().orElse(-1);
            if (reached < position || storedEventInGap(segment, position)) {
                return false;
            }
        }
        return true;
    }

    /** The token as the token store wrote it (its own serializer), a replay seen as the position it has reached. */
    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        TrackingToken token = tokenSerializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, type, null));
        return WrappedToken.unwrapLowerBound(token);
    }

    /**
     * True while a replay has not yet reached the position the processor was reset at. Axon itself reports a
     * replay until an event after that position arrives, which on a quiet project may be never.
     */
    boolean replaying() {
        return processor().processingStatus().values().stream().anyMatch(segment -> segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE));
    }

    private boolean storedEventInGap(TrackingToken segment, long position) {
        if (!(segment instanceof GapAwareTrackingToken token)) {
            return false;
        }
        List<Long> gaps = List.copyOf(token.getGaps().headSet(position + 1));
        if (gaps.isEmpty()) {
            return false;
        }
        String placeholders = String.join(", ", Collections.nCopies(gaps.size(), "?"));
        Boolean stored = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex IN ("
                + placeholders + "))", Boolean.class, gaps.toArray());
        return Boolean.TRUE.equals(stored);
    }
}
