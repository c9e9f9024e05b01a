package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.platform.eventstore.EventTable;
import dev.velocity.filehistory.platform.eventstore.TokenTable;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * How far the read-model processor has come through the event store. {@link #handledUpTo} reads the segments'
 * tokens from the shared token store, so every query node answers it, also one whose processor owns no segment;
 * {@link #position} and {@link #replaying} read this node's own processor (the rebuild runs on one node and asks
 * only about itself).
 */
@Component
class ProjectionProgress {

    private final EventProcessingConfiguration processing;
    private final TokenTable tokens;
    private final EventTable events;

    ProjectionProgress(EventProcessingConfiguration processing, TokenTable tokens, EventTable events) {
        this.processing = processing;
        this.tokens = tokens;
        this.events = events;
    }

    StreamingEventProcessor processor() {
        return processing.eventProcessor(ProjectionProcessor.NAME, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + ProjectionProcessor.NAME));
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

    /** True once every segment has handled every stored event up to {@code position}, whichever node runs it. */
    boolean handledThrough(long position) {
        return handledUpTo() >= position;
    }

    /**
     * The highest position through which every segment has handled every stored event, whichever node runs it; -1
     * while no segment is stored. A token may have passed an index whose transaction had not committed yet (a gap);
     * such an index counts as handled only while it holds no stored event. A replay counts as the position it has
     * reached.
     */
    long handledUpTo() {
        List<TrackingToken> segments = tokens.tokensOf(ProjectionProcessor.NAME);
        if (segments.isEmpty()) {
            return -1;
        }
        long upTo = Long.MAX_VALUE;
        for (TrackingToken stored : segments) {
            TrackingToken segment = stored == null ? null : WrappedToken.unwrapLowerBound(stored);
            long reached = segment == null ? -1 : segment.position().orElse(-1);
            if (segment instanceof GapAwareTrackingToken token && !token.getGaps().isEmpty()) {
                OptionalLong filledGap = events.lowestStoredAt(List.copyOf(token.getGaps()));
                if (filledGap.isPresent()) {
                    reached = Math.min(reached, filledGap.getAsLong() - 1);
                }
            }
            upTo = Math.min(upTo, reached);
        }
        return upTo;
    }

    /**
     * True while a replay has not yet reached the position the processor was reset at. Axon itself reports a
     * replay until an event after that position arrives, which on a quiet project may be never.
     */
    boolean replaying() {
        return processor().processingStatus().values().stream().anyMatch(segment -> segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE));
    }
}
