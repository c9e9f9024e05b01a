package dev.velocity.filehistory.platform.auth;

import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api} route but project creation needs a bearer token: none, unknown or revoked is 401; a token that
 * sends too much is 429 with Retry-After ({@link TokenRateLimits}); a token of another project is 403 with one fixed
 * text on every route (never 404, and nothing about the other project, so nobody learns what exists elsewhere).
 * The live-updates route also takes {@code ?access_token=}, because EventSource cannot send headers. The operators'
 * routes have their own token ({@link AdminTokenFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Pattern PROJECT_ROUTE = Pattern.compile("^/api/projects/([^/]+)(/.*)?$");

    static final String OTHER_PROJECT = "This token belongs to another project";

    private final AccessTokens tokens;
    private final TokenRateLimits rateLimits;
    private final ProblemResponses problems;

    TokenAuthenticationFilter(AccessTokens tokens, TokenRateLimits rateLimits, ProblemResponses problems) {
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean createProject = path.equals("/api/projects") && "POST".equals(request.getMethod());
        return !path.startsWith("/api/") || createProject || path.startsWith(AdminTokenFilter.ADMIN_ROUTES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> token = bearerToken(request, path);
        if (token.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, unauthorized("This route needs 'Authorization: Bearer <token>'"));
            return;
        }
        Credential credential = new Credential(Sha256.hex(token.get()), tokens);
        Optional<Caller> caller = tokens.resolveDigest(credential.digest());
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(response, unauthorized("The token is not known or was revoked"));
            return;
        }
        OptionalLong wait = rateLimits.secondsToWait(credential);
        if (wait.isPresent()) {
            problems.write(response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "Too many requests", "This token sent more requests than allowed; retry after Retry-After")
                    .retryAfter(wait.getAsLong()));
            return;
        }
        Matcher route = PROJECT_ROUTE.matcher(path);
        if (route.matches() && !route.group(1).equals(caller.get().projectId().toString())) {
            problems.write(response, new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", OTHER_PROJECT));
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        request.setAttribute(Credential.ATTRIBUTE, credential);
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerToken(HttpServletRequest request, String path) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            return Optional.of(header.substring(7).trim());
        }
        String queryToken = request.getParameter("access_token");
        if (path.endsWith("/updates") && queryToken != null && !queryToken.isBlank()) {
            return Optional.of(queryToken);
        }
        return Optional.empty();
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }
}
