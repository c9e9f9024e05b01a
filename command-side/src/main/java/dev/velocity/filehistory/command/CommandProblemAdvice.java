package dev.velocity.filehistory.command;

import dev.velocity.filehistory.command.file.UnknownFileException;
import dev.velocity.filehistory.command.idempotency.IdempotencyKeyInUseException;
import dev.velocity.filehistory.command.file.PathTakenException;
import dev.velocity.filehistory.command.file.VersionConflictException;
import dev.velocity.filehistory.command.file.VersionNotFoundException;
import dev.velocity.filehistory.platform.web.ApiProblem;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The command side's business rejections as problem+json. */
@RestControllerAdvice(basePackageClasses = CommandProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemAdvice {

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(VersionConflictException e) {
        return problem(new ApiProblem(HttpStatus.CONFLICT, "version-conflict", "Version conflict", e.getMessage())
                .with("path", e.path())
                .with("expectedVersion", e.expectedVersion())
                .with("currentVersion", e.currentVersion())
                .with("currentContentHash", e.currentContentHash()));
    }

    @ExceptionHandler(PathTakenException.class)
    ResponseEntity<ProblemDetail> pathTaken(PathTakenException e) {
        return problem(new ApiProblem(HttpStatus.CONFLICT, "path-taken", "Path taken", e.getMessage())
                .with("path", e.path()));
    }

    @ExceptionHandler(UnknownFileException.class)
    ResponseEntity<ProblemDetail> notFound(UnknownFileException e) {
        return problem(ApiProblem.notFound(e.getMessage()));
    }

    @ExceptionHandler(VersionNotFoundException.class)
    ResponseEntity<ProblemDetail> versionNotFound(VersionNotFoundException e) {
        return problem(new ApiProblem(HttpStatus.NOT_FOUND, "version-not-found", "Version not found",
                e.getMessage()));
    }

    /** Another writer of the file held it for longer than velocity.file-turn-timeout: nothing was stored. */
    @ExceptionHandler(LockAcquisitionFailedException.class)
    ResponseEntity<ProblemDetail> fileBusy(LockAcquisitionFailedException e) {
        return problem(ApiProblem.unavailable("file-busy", "File busy", "Other saves of this file are still "
                + "waiting; nothing was stored, so send the request again after the Retry-After delay.", 1));
    }

    @ExceptionHandler(IdempotencyKeyInUseException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyInUse(IdempotencyKeyInUseException e) {
        return problem(new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-use", "Idempotency-Key in use",
                e.getMessage()).retryAfter(IdempotencyKeyInUseException.RETRY_AFTER_SECONDS));
    }

    private static ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return problem.toResponse();
    }
}
