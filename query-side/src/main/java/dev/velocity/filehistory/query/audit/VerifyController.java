package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.platform.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class VerifyController {

    private final ProjectVerifier verifier;

    VerifyController(ProjectVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/projects/{projectId}/verify")
    @Operation(summary = "Verify the project's history", description = "Waits until the read models have caught up "
            + "with the events stored when the request came, then replays every event: content hashes, the hash "
            + "chain, gap-free versions, and read models equal to a fresh replay. head pins every file's newest "
            + "eventHash (docs/audit.md). Each problem names fileId, path, version and what is wrong.")
    Verification verify(@PathVariable UUID projectId, Caller caller) {
        return verifier.verify(caller.projectId());
    }
}
