package dev.velocity.filehistory.webslice;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.velocity.filehistory.platform.auth.Caller;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What web slice tests check of a refusal, and the caller the token filter would have resolved. */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    /** The request as the token filter passes it on: authenticated as {@code user} of {@code projectId}. */
    public static MockHttpServletRequestBuilder asCaller(UUID projectId, String user,
                                                         MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.class.getName(), new Caller(projectId, user));
    }

    /** Status, problem+json, and the problem's type slug, title and status. */
    public static ResultActions expectProblem(ResultActions response, int status, String slug, String title)
            throws Exception {
        return response.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + slug))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.status").value(status));
    }
}
