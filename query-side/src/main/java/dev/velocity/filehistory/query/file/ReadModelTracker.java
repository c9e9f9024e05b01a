package dev.velocity.filehistory.query.file;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How far this node's read-model processor has come through the event store, from its segments' tokens. */
@Component
class ReadModelTracker {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    ReadModelTracker(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
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
     * True once every segment has handled every stored event up to {@code position}. A token may have passed an
     * index whose transaction had not committed yet (a gap); such an index counts as handled only while it holds
     * no stored event.
     */
    boolean handledThrough(long position) {
        Collection<EventTrackerStatus> segments = processor().processingStatus().values();
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            if (segment.getCurrentPosition().orElse(-1) < position || storedEventInGap(segment, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True while a replay has not yet reached the position the processor was reset at. Axon itself reports a
     * replay until an event after that position arrives, which on a quiet project may be never.
     */
    boolean replaying() {
        return processor().processingStatus().values().stream().anyMatch(segment -> segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE));
    }

    private boolean storedEventInGap(EventTrackerStatus segment, long position) {
        List<Long> gaps = WrappedToken.unwrap(segment.getTrackingToken(), GapAwareTrackingToken.class)
                .map(token -> List.copyOf(token.getGaps().headSet(position + 1)))
                .orElse(List.of());
        if (gaps.isEmpty()) {
            return false;
        }
        String placeholders = String.join(", ", Collections.nCopies(gaps.size(), "?"));
        Boolean stored = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex IN ("
                + placeholders + "))", Boolean.class, gaps.toArray());
        return Boolean.TRUE.equals(stored);
    }
}
