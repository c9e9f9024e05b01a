package dev.velocity.filehistory.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Writes problem+json where no controller advice runs: in servlet filters and Tomcat's error valve. */
@Component
public class ProblemResponses {

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The same status, headers and body as {@link ApiProblem#toResponse()}, written straight to the response. */
    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status().value());
        problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem.toProblemDetail());
    }
}
