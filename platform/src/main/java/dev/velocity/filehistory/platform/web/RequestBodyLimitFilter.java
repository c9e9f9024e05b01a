package dev.velocity.filehistory.platform.web;

import dev.velocity.filehistory.platform.VelocityProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link #maxBodyBytes} while it is read, so no body larger than that is ever read,
 * let alone held: a declared {@code Content-Length} over it is 413 at once, and a chunked body fails the read that
 * passes it ({@link RequestBodyTooLargeException}, 413 via {@link PlatformProblemAdvice}). The bound is the content
 * limit as JSON may spell it: at most six characters per content byte ({@code \u0001}), plus 64 KiB for the other
 * fields; the content's own limit is checked exactly once the body is parsed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final long JSON_ESCAPE_FACTOR = 6;
    private static final long OTHER_FIELDS_BYTES = 64 * 1024;

    private final long maxBodyBytes;
    private final ProblemResponses problems;

    public RequestBodyLimitFilter(VelocityProperties properties, ProblemResponses problems) {
        this.maxBodyBytes = JSON_ESCAPE_FACTOR * properties.maxContentBytes() + OTHER_FIELDS_BYTES;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            problems.write(response, tooLarge(maxBodyBytes));
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes), response);
        } catch (RequestBodyTooLargeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            problems.write(response, tooLarge(maxBodyBytes));
        }
    }

    static ApiProblem tooLarge(long maxBodyBytes) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "content-too-large", "Content too large",
                "The request body is larger than this server accepts").with("limitBytes", maxBodyBytes);
    }

    /** Thrown by a read that passes the limit; an IOException, so every body reader passes it on. */
    public static class RequestBodyTooLargeException extends IOException {

        private final long limitBytes;

        RequestBodyTooLargeException(long limitBytes) {
            super("The request body is over " + limitBytes + " bytes");
            this.limitBytes = limitBytes;
        }

        public ApiProblem problem() {
            return tooLarge(limitBytes);
        }
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            try {
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new RequestBodyTooLargeException(limit);
                }
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
