package dev.velocity.filehistory.query.export;

import dev.velocity.filehistory.platform.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The project's history as a git repository: pipe it into {@code git fast-import}. */
@RestController
@Tag(name = "Audit")
class GitExportController {

    static final String FAST_IMPORT = "application/x-git-fast-import";

    private final GitExport export;

    GitExportController(GitExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/projects/{projectId}/export", produces = FAST_IMPORT)
    @Operation(summary = "The whole history as a git fast-import stream", description = "One commit per history "
            + "entry on refs/heads/main; trailers Velocity-File-Id, -Version, -Position and, when stored, "
            + "Velocity-Event-Hash. Load it with: git init --bare h.git && git -C h.git fast-import < export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID projectId, Caller caller) {
        long upTo = export.prepare(caller.projectId());
        StreamingResponseBody body = out -> export.write(caller.projectId(), upTo, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FAST_IMPORT)).body(body);
    }
}
