package dev.velocity.filehistory.platform.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors every route shares: unreadable bodies, wrong media types, unknown routes, and {@link ApiProblem}s.
 * Each side adds its own advice, ordered before this one, for its business rejections.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem.toResponse();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return apiProblem(ApiProblem.badRequest("Parameter '" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            // Expected while the database restarts: one line, not a stack trace per request.
            log.warn("Database unavailable: {}", e.toString());
            return DatabaseUnavailable.problem().toResponse();
        }
        log.error("Request failed unexpectedly", e);
        return ApiProblem.internalError().toResponse();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof RequestBodyLimitFilter.RequestBodyTooLargeException tooLarge) {
            return asObject(tooLarge.problem());
        }
        if (cause instanceof StreamConstraintsException && !cause.getMessage().contains("nesting depth")) {
            return asObject(new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "content-too-large", "Content too large",
                    "The request body is larger than this server accepts"));
        }
        String detail = "The request body is not valid JSON for this route";
        if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            detail = "Field '" + fieldPath(invalid) + "' has a value of the wrong type or out of range";
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            detail = "Field '" + fieldPath(mismatched) + "' has a value of the wrong type";
        } else if (cause instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            detail = "A number in the request body is out of range";
        }
        return asObject(ApiProblem.badRequest(detail));
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static ResponseEntity<Object> asObject(ApiProblem problem) {
        return asObject(problem, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> asObject(ApiProblem problem, HttpHeaders others) {
        ResponseEntity<ProblemDetail> response = problem.toResponse(others);
        return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
    }

    /**
     * Spring MVC's own refusals (405, 406, 415, a missing parameter...) keep Spring's detail and headers, and are
     * built like every other problem, with a type of {@code http-<status>}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (response == null || status == null || !(response.getBody() instanceof ProblemDetail spring)
                || spring.getType() == null || !"about:blank".equals(spring.getType().toString())) {
            return response;
        }
        ApiProblem problem = ApiProblem.forStatus(status, spring.getDetail());
        if (spring.getProperties() != null) {
            spring.getProperties().forEach(problem::with);
        }
        return asObject(problem, response.getHeaders());
    }
}
