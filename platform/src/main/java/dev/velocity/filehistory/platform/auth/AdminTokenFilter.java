package dev.velocity.filehistory.platform.auth;

import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operators' routes under {@code /api/admin} take the configured admin token ({@code velocity.admin-token}),
 * not a project's: without that setting they do not exist (404); a missing or wrong token is 401. Tokens are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, in time independent of where they differ.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AdminTokenFilter extends OncePerRequestFilter {

    static final String ADMIN_ROUTES = "/api/admin/";

    private final byte[] adminTokenDigest;
    private final ProblemResponses problems;

    public AdminTokenFilter(VelocityProperties properties, ProblemResponses problems) {
        this.adminTokenDigest = properties.adminToken() == null ? null : sha256(properties.adminToken());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(ADMIN_ROUTES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (adminTokenDigest == null) {
            problems.write(response, ApiProblem.notFound("No such route"));
            return;
        }
        String header = request.getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || !MessageDigest.isEqual(adminTokenDigest, sha256(header.substring(7).trim()))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "This route needs 'Authorization: Bearer <admin token>'"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String token) {
        return Sha256.hex(token).getBytes(StandardCharsets.US_ASCII);
    }
}
