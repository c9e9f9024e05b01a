package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.NumberParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit stream over HTTP ({@link AuditStream}): NDJSON pages that an auditor resumes with {@code after}. */
@RestController
@Tag(name = "Audit")
class AuditEventsController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    private final AuditStream stream;

    AuditEventsController(AuditStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/projects/{projectId}/events", produces = "application/x-ndjson")
    @Operation(summary = "The project's stored events (NDJSON)", description = "One event a line: position, "
            + "aggregateId, sequenceNumber, type, revision, timestamp, payload. Resume with after=<last position>; "
            + "limit 1..10000, default 1000.")
    ResponseEntity<StreamingResponseBody> events(@PathVariable UUID projectId,
                                                 @RequestParam(required = false) String after,
                                                 @RequestParam(required = false) String limit, Caller caller) {
        long from = Objects.requireNonNullElse(NumberParameters.optionalPosition("after", after, 0), 0L);
        Integer pageSize = NumberParameters.optional("limit", limit, 1, MAX_LIMIT);
        int size = pageSize == null ? DEFAULT_LIMIT : pageSize;
        long upTo = stream.servableUpTo(from);
        StreamingResponseBody body = out -> stream.write(out, caller.projectId(), from, upTo, size);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
