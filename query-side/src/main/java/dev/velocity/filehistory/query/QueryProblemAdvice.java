package dev.velocity.filehistory.query;

import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.query.file.ReadModelBehindException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's own rejections as problem+json. */
@RestControllerAdvice(basePackageClasses = QueryProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblemAdvice {

    @ExceptionHandler(ReadModelBehindException.class)
    ResponseEntity<ProblemDetail> behind(ReadModelBehindException e) {
        return ApiProblem.unavailable("read-model-behind", "Read model behind", e.getMessage(), e.retryAfterSeconds())
                .toResponse();
    }
}
