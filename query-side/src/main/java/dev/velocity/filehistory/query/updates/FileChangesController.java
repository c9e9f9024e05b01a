package dev.velocity.filehistory.query.updates;

import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.auth.Credential;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live updates of a project as server-sent events; {@link FileChangeStreams} keeps the streams. */
@RestController
@Tag(name = "Queries")
class FileChangesController {

    private final FileChangeStreams streams;

    FileChangesController(FileChangeStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/projects/{projectId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates (server-sent events)", description = "One `file-changed` event per history "
            + "entry. EventSource cannot send headers, so `?access_token=` is accepted here.")
    @Parameter(name = "access_token", in = ParameterIn.QUERY, description = "the bearer token, for clients that "
            + "cannot send an Authorization header; kept out of the access logs")
    SseEmitter updates(@PathVariable UUID projectId, Caller caller, Credential credential) throws IOException {
        return streams.open(caller.projectId(), credential);
    }
}
