package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.command.idempotency.Answer;
import dev.velocity.filehistory.command.idempotency.IdempotentCommands;
import dev.velocity.filehistory.command.idempotency.RequestFingerprint;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ErrorResponses;
import dev.velocity.filehistory.platform.web.FilePathRules;
import dev.velocity.filehistory.platform.web.NumberParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IDE's commands: save, delete, move and restore a file, addressed by its path. Each takes an optional
 * {@code Idempotency-Key}: a retry of the same request with the same key gets the first answer again.
 */
@RestController
@RequestMapping(path = "/api/projects/{projectId}/files", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class FileCommandController {

    private static final int MAX_MESSAGE_LENGTH = 2000;
    private static final int MAX_FILE_TYPE_LENGTH = 100;

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENCY_KEY_MEANING = "1 to 255 visible ASCII characters; a retry with the same "
            + "key and request gets the first answer again";

    private final FileCommandService files;
    private final IdempotentCommands idempotent;
    private final VelocityProperties properties;

    FileCommandController(FileCommandService files, IdempotentCommands idempotent, VelocityProperties properties) {
        this.files = files;
        this.idempotent = idempotent;
        this.properties = properties;
    }

    record SaveRequest(String content, Long expectedVersion, String fileType, String message) {
    }

    record MoveRequest(String from, String to, Long expectedVersion) {
    }

    record RestoreRequest(String path, Long version, Long expectedVersion) {
    }

    /** The answer to every command: the file's version after it, and whether it changed anything. */
    record FileChangeResponse(String projectId, String fileId, String path, int version, String contentHash,
                              long sizeBytes, Instant savedAt, String savedBy, boolean changed) {

        static FileChangeResponse of(FileCommandResult view) {
            return new FileChangeResponse(view.projectId(), view.fileId(), view.path(), view.version(),
                    view.contentHash(), view.sizeBytes(), view.savedAt(), view.savedBy(), view.changed());
        }
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a file", description = "expectedVersion 0 creates, N must match the current "
            + "version, absent saves without a check. Unchanged content answers 200 with changed=false.")
    @ErrorResponses({409, 422})
    ResponseEntity<FileChangeResponse> save(@PathVariable UUID projectId,
                                            @Parameter(description = "project-relative path", required = true)
                                            @RequestParam(required = false) String path,
                                            @RequestBody SaveRequest request,
                                            @Parameter(description = IDEMPOTENCY_KEY_MEANING)
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                            Caller caller) {
        FilePathRules.requireValid("path", path);
        if (request.content() == null) {
            throw ApiProblem.badRequest("'content' is required (a string; empty is allowed)");
        }
        // A char is at most 3 UTF-8 bytes, so only a text that might pass the limit needs counting.
        long size = request.content().length() * 3L <= properties.maxContentBytes() ? 0
                : Sha256.utf8Length(request.content());
        if (size > properties.maxContentBytes()) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "content-too-large", "Content too large",
                    "The content is " + size + " UTF-8 bytes; the limit is " + properties.maxContentBytes())
                    .with("limitBytes", properties.maxContentBytes());
        }
        Integer expected = NumberParameters.inRange("expectedVersion", request.expectedVersion(), 0);
        String fileType = bounded("fileType", request.fileType(), MAX_FILE_TYPE_LENGTH);
        String message = bounded("message", request.message(), MAX_MESSAGE_LENGTH);
        Answer answer = idempotent.run(caller, key, RequestFingerprint.of("PUT", "files", path, request.content(),
                        expected, fileType, message),
                metaData -> files.save(caller, metaData, path, request.content(), expected, fileType, message));
        return ResponseEntity.status(answer.status()).body(FileChangeResponse.of(answer.view()));
    }

    @DeleteMapping
    @Operation(summary = "Delete a file", description = "Adds a DELETED entry; the history stays readable.")
    @ErrorResponses({400, 404, 409, 422})
    FileChangeResponse delete(@PathVariable UUID projectId,
                              @Parameter(description = "project-relative path", required = true)
                              @RequestParam(required = false) String path,
                              @Parameter(description = "the file's current version; absent deletes without a check")
                              @RequestParam(required = false) String expectedVersion,
                              @Parameter(description = IDEMPOTENCY_KEY_MEANING)
                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller) {
        FilePathRules.requireValid("path", path);
        Integer expected = NumberParameters.optional("expectedVersion", expectedVersion, 0);
        return answer(idempotent.run(caller, key, RequestFingerprint.of("DELETE", "files", path, expected),
                metaData -> files.delete(caller, metaData, path, expected)));
    }

    @PostMapping(path = "/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a file", description = "The history follows the file to its new path.")
    @ErrorResponses({404, 409, 422})
    FileChangeResponse move(@PathVariable UUID projectId, @RequestBody MoveRequest request,
                            @Parameter(description = IDEMPOTENCY_KEY_MEANING)
                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller) {
        FilePathRules.requireValid("from", request.from());
        FilePathRules.requireValid("to", request.to());
        Integer expected = NumberParameters.inRange("expectedVersion", request.expectedVersion(), 0);
        return answer(idempotent.run(caller, key, RequestFingerprint.of("POST", "files/move", request.from(),
                request.to(), expected),
                metaData -> files.move(caller, metaData, request.from(), request.to(), expected)));
    }

    @PostMapping(path = "/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restore a version", description = "Adds a version with the content of version K; "
            + "also brings a deleted file back.")
    @ErrorResponses({404, 409, 422})
    FileChangeResponse restore(@PathVariable UUID projectId, @RequestBody RestoreRequest request,
                               @Parameter(description = IDEMPOTENCY_KEY_MEANING)
                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller) {
        FilePathRules.requireValid("path", request.path());
        if (request.version() == null) {
            throw ApiProblem.badRequest("'version' is required");
        }
        int version = NumberParameters.inRange("version", request.version(), 1);
        Integer expected = NumberParameters.inRange("expectedVersion", request.expectedVersion(), 0);
        return answer(idempotent.run(caller, key, RequestFingerprint.of("POST", "files/restore", request.path(),
                version, expected),
                metaData -> files.restore(caller, metaData, request.path(), version, expected)));
    }

    /** Delete, move and restore never create a file, so their answer is always 200. */
    private static FileChangeResponse answer(Answer answer) {
        return FileChangeResponse.of(answer.view());
    }

    private static String bounded(String name, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw ApiProblem.badRequest("'" + name + "' is longer than " + maxLength + " characters");
        }
        return value;
    }
}
