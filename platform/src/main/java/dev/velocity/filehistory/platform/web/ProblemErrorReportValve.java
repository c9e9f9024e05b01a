package dev.velocity.filehistory.platform.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, as problem+json: errors Tomcat answers before any servlet runs (a request line with
 * invalid characters or bytes, headers over the size limit, a URI that is not UTF-8) never reach
 * {@link ProblemErrorController}. The detail is generic: Tomcat's message would echo the request back.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemResponses problems;

    ProblemErrorReportValve(ProblemResponses problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        ApiProblem problem = ApiProblem.forStatus(status == null ? HttpStatus.BAD_REQUEST : status,
                "The web server refused the request before it reached the API");
        try {
            response.resetBuffer();
            problems.write(response, problem);
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem+json error report", e);
        }
    }
}
