package dev.velocity.filehistory.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string must be percent-encoded UTF-8 (400 otherwise). Tomcat decodes an invalid byte sequence to U+FFFD,
 * so {@code ?path=%FF} would otherwise name a real file called "\uFFFD" instead of being refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class StrictQueryStringFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public StrictQueryStringFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isPercentEncodedUtf8(query)) {
            problems.write(response, ApiProblem.badRequest("The query string is not percent-encoded UTF-8"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isPercentEncodedUtf8(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
                    || !HexFormat.isHexDigit(query.charAt(i + 2))) {
                return false;
            }
            bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
