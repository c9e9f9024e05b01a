package dev.velocity.filehistory.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request the API refuses, with what the client needs to act on it. Thrown anywhere below a controller and
 * rendered as RFC 9457 problem+json; its {@code type} ends in a stable slug clients may match on. The one place a
 * problem response is built: {@link #toResponse()} for advices and error controllers, and {@link ProblemResponses}
 * with the same {@link #headers()} for servlet filters and valves.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    /** A problem with no slug of its own: its type is {@code http-<status>}. */
    public static ApiProblem forStatus(HttpStatus status, String detail) {
        return new ApiProblem(status, "http-" + status.value(), status.getReasonPhrase(), detail);
    }

    /** A failure the server did not foresee; nothing was acknowledged, so the client may send the request again. */
    public static ApiProblem internalError() {
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server could not complete the request; nothing was acknowledged, so it is safe to retry.");
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    /** A refusal that passes: 503 with {@code Retry-After}, nothing stored, the same request may be sent again. */
    public static ApiProblem unavailable(String slug, String title, String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, slug, title, detail).retryAfter(retryAfterSeconds);
    }

    /** Tells the client when the same request may be sent again ({@code Retry-After}, in seconds). */
    public ApiProblem retryAfter(long seconds) {
        retryAfterSeconds = seconds;
        return this;
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(typeOf(slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** The headers of the response: problem+json, and {@code Retry-After} when the problem passes. */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        return headers;
    }

    /** The response: status, {@link #headers()} and the problem+json body. */
    public ResponseEntity<ProblemDetail> toResponse() {
        return toResponse(HttpHeaders.EMPTY);
    }

    /** The response with headers the refusal brings along (Spring's {@code Allow} on a 405, {@code Accept} on 415). */
    public ResponseEntity<ProblemDetail> toResponse(HttpHeaders others) {
        return ResponseEntity.status(status).headers(others).headers(headers()).body(toProblemDetail());
    }

    public static URI typeOf(String slug) {
        return URI.create("/problems/" + slug);
    }
}
