package dev.velocity.filehistory.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.NumberParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit stream: a project's stored events, one JSON object a line, in the order of their position (the
 * global index), which an auditor resumes with {@code after}. Only events below the {@link EventStoreHorizon}
 * are served, so a reader that resumes after the last position it saw never misses a late commit.
 */
@RestController
@Tag(name = "Audit")
class AuditEventsController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final EventStoreHorizon horizon;
    private final ObjectMapper json;

    AuditEventsController(JdbcTemplate jdbc, EventStoreHorizon horizon, ObjectMapper json) {
        this.jdbc = jdbc;
        this.horizon = horizon;
        this.json = json;
    }

    @GetMapping(path = "/api/projects/{projectId}/events", produces = "application/x-ndjson")
    @Operation(summary = "The project's stored events (NDJSON)", description = "One event a line: position, "
            + "aggregateId, sequenceNumber, type, revision, timestamp, payload. Resume with after=<last position>; "
            + "limit 1..10000, default 1000.")
    ResponseEntity<StreamingResponseBody> events(@PathVariable UUID projectId,
                                                 @RequestParam(required = false) String after,
                                                 @RequestParam(required = false) String limit, Caller caller) {
        long from = parsePosition(after);
        Integer pageSize = NumberParameters.optional("limit", limit, 1, MAX_LIMIT);
        int size = pageSize == null ? DEFAULT_LIMIT : pageSize;
        long upTo = horizon.safeUpTo(from);
        StreamingResponseBody body = out -> write(out, caller.projectId(), from, upTo, size);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    private void write(OutputStream out, UUID projectId, long from, long upTo, int size) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            jdbc.query("""
                            SELECT e.globalindex, e.aggregateidentifier, e.sequencenumber, e.payloadtype,
                                   e.payloadrevision, e.timestamp, e.payload
                            FROM domainevententry e JOIN file_paths f ON e.aggregateidentifier = f.file_id::text
                            WHERE f.project_id = ? AND e.globalindex > ? AND e.globalindex <= ?
                            ORDER BY e.globalindex LIMIT ?
                            """,
                    rs -> {
                        try {
                            String type = rs.getString(4);
                            generator.writeStartObject();
                            generator.writeNumberField("position", rs.getLong(1));
                            generator.writeStringField("aggregateId", rs.getString(2));
                            generator.writeNumberField("sequenceNumber", rs.getLong(3));
                            generator.writeStringField("type", type.substring(type.lastIndexOf('.') + 1));
                            generator.writeStringField("revision", rs.getString(5));
                            generator.writeStringField("timestamp", rs.getString(6));
                            generator.writeFieldName("payload");
                            generator.writeTree(json.readTree(rs.getBytes(7)));
                            generator.writeEndObject();
                            generator.writeRaw('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    projectId, from, upTo, size);
        }
    }

    private static long parsePosition(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long position = Long.parseLong(after);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw dev.velocity.filehistory.platform.web.ApiProblem.badRequest("'after' must be a position (a whole "
                    + "number of at least 0)");
        }
    }
}
