package dev.velocity.filehistory.query;

import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.query.file.NoFileAtPathException;
import dev.velocity.filehistory.query.file.VersionNotFoundException;
import dev.velocity.filehistory.query.readmodel.ReadModelBehindException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's own rejections as problem+json: its query handlers throw them, knowing nothing of HTTP. */
@RestControllerAdvice(basePackageClasses = QueryProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblemAdvice {

    @ExceptionHandler(NoFileAtPathException.class)
    ResponseEntity<ProblemDetail> noFileAtPath(NoFileAtPathException e) {
        return ApiProblem.notFound(e.getMessage()).toResponse();
    }

    @ExceptionHandler(VersionNotFoundException.class)
    ResponseEntity<ProblemDetail> versionNotFound(VersionNotFoundException e) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "version-not-found", "Version not found", e.getMessage())
                .toResponse();
    }

    @ExceptionHandler(ReadModelBehindException.class)
    ResponseEntity<ProblemDetail> behind(ReadModelBehindException e) {
        return ApiProblem.unavailable("read-model-behind", "Read model behind", e.getMessage(), e.retryAfterSeconds())
                .toResponse();
    }
}
