package dev.velocity.filehistory.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.velocity.filehistory.platform.eventstore.EventTable;
import dev.velocity.filehistory.platform.eventstore.EventTable.StoredEventRow;
import dev.velocity.filehistory.query.readmodel.CatchUpWait;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The audit stream: a project's stored events, one JSON object a line, in the order of their position (the global
 * index), which an auditor resumes with {@code after}. A page never skips an event an auditor could miss for ever:
 * <ul>
 * <li>it stops at the {@link EventStoreHorizon}, so no late commit lands below a position already served;</li>
 * <li>it is served only once the read models have handled every event up to the horizon ({@code file_projects},
 * which selects the project's events, is one of them), so no event is left out because the query side does not know
 * its file yet. The page waits for them as a read waits for its own writes; if they still lag (a rebuild, a stopped
 * processor), the answer is 503 {@code read-model-behind} with Retry-After, never a short or empty page that an
 * auditor would take for the end of the stream.</li>
 * </ul>
 * The horizon is taken first: every event below it is already visible when the read models' progress is read, so
 * one that has not been handled yet cannot be counted as handled.
 */
@Service
class AuditStream {

    private final EventStoreHorizon horizon;
    private final CatchUpWait catchUp;
    private final ProjectFiles files;
    private final EventTable events;
    private final ObjectMapper json;

    AuditStream(EventStoreHorizon horizon, CatchUpWait catchUp, ProjectFiles files, EventTable events,
                ObjectMapper json) {
        this.horizon = horizon;
        this.catchUp = catchUp;
        this.files = files;
        this.events = events;
        this.json = json;
    }

    /** The highest position a page that starts after {@code after} may serve. */
    long servableUpTo(long after) {
        long settled = horizon.safeUpTo(after);
        if (settled <= after) {
            return after;
        }
        catchUp.awaitHandledThrough(settled);
        return settled;
    }

    /** Writes at most {@code limit} of the project's events with positions in ({@code after}, {@code upTo}]. */
    void write(OutputStream out, UUID projectId, long after, long upTo, int limit) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            // Jackson puts a space between root values; NDJSON lines must start with '{' ('\n' ends each one).
            generator.setRootValueSeparator(null);
            events.forEachInPositionOrder(files.of(projectId), after, upTo, limit, row -> write(generator, row));
        }
    }

    private void write(JsonGenerator generator, StoredEventRow row) {
        try {
            String type = row.payloadType();
            generator.writeStartObject();
            generator.writeNumberField("position", row.position());
            generator.writeStringField("aggregateId", row.aggregateId());
            generator.writeNumberField("sequenceNumber", row.sequence());
            generator.writeStringField("type", type.substring(type.lastIndexOf('.') + 1));
            generator.writeStringField("revision", row.payloadRevision());
            generator.writeStringField("timestamp", row.timestamp());
            generator.writeFieldName("payload");
            generator.writeTree(json.readTree(row.payload()));
            generator.writeEndObject();
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
