package dev.velocity.filehistory.platform.auth;

import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api} route but project creation needs a bearer token: none or unknown is 401, a token of another
 * project is 403 (never 404, so nobody learns what exists elsewhere). The live-updates route also takes
 * {@code ?access_token=}, because EventSource cannot send headers. The operators' routes have their own token
 * ({@link AdminTokenFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Pattern PROJECT_ROUTE = Pattern.compile("^/api/projects/([^/]+)(/.*)?$");

    private final AccessTokens tokens;
    private final ProblemResponses problems;

    public TokenAuthenticationFilter(AccessTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
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
        Optional<Caller> caller = tokens.resolve(token.get());
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(response, unauthorized("The token is not known"));
            return;
        }
        Matcher route = PROJECT_ROUTE.matcher(path);
        if (route.matches() && !route.group(1).equals(caller.get().projectId().toString())) {
            problems.write(response, new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "This token belongs to another project"));
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
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
