package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild the read models from the event store; the admin token guards these routes. */
@RestController
@RequestMapping(path = "/api/admin/read-models/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class ReadModelRebuildController {

    private final ReadModelRebuild rebuild;

    ReadModelRebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Rebuild the read models", description = "202 and the progress; 409 if a rebuild runs.")
    @ErrorResponses(409)
    ResponseEntity<ReadModelRebuild.Progress> start() {
        if (!rebuild.start()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "rebuild-running", "Rebuild running",
                    "A rebuild of the read models is already running; follow it with GET on this route");
        }
        return ResponseEntity.accepted().body(rebuild.progress());
    }

    @GetMapping
    @Operation(summary = "Progress of the rebuild", description = "running, done/total events, events per second, "
            + "etaSeconds (null while unknown).")
    ReadModelRebuild.Progress progress() {
        return rebuild.progress();
    }
}
