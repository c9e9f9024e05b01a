package dev.velocity.filehistory.query.file;

import static dev.velocity.filehistory.webslice.ProblemAnswers.expectProblem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.velocity.filehistory.query.readmodel.ReadModelBehindException;
import dev.velocity.filehistory.webslice.ProblemAnswers;
import dev.velocity.filehistory.webslice.WebSlice;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the query side's reads answer when they are refused: each rejection becomes its status, problem type and
 * title, Retry-After where the client should come back, always as application/problem+json. The query handlers are
 * test doubles: this is about the HTTP translation, the data is the ITs' business.
 */
@WebMvcTest(controllers = FileQueryController.class)
@ContextConfiguration(classes = WebSlice.class)
class FileQueryErrorMappingTest {

    private static final UUID PROJECT = UUID.randomUUID();
    private static final String FILES = "/api/projects/" + PROJECT + "/files";

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway queries;

    private static MockHttpServletRequestBuilder asCaller(MockHttpServletRequestBuilder request) {
        return ProblemAnswers.asCaller(PROJECT, "alice", request);
    }

    private void answersContent(RuntimeException rejection) {
        when(queries.query(any(FindFileContentQuery.class), eq(FileContentView.class)))
                .thenReturn(CompletableFuture.failedFuture(rejection));
    }


    @Test
    void aReadModelThatDidNotCatchUpIs503ReadModelBehindWithItsRetryAfter() throws Exception {
        answersContent(new ReadModelBehindException("The read model has not reached version 7 yet", 4));

        expectProblem(http.perform(asCaller(get(FILES + "/content").param("path", "a.txt").param("minVersion", "7"))),
                503, "read-model-behind", "Read model behind")
                .andExpect(header().string("Retry-After", "4"))
                .andExpect(jsonPath("$.detail").value("The read model has not reached version 7 yet"));
    }

    @Test
    void aPathWithNoFileIs404NotFound() throws Exception {
        answersContent(new NoFileAtPathException("No file at 'a.txt'"));

        expectProblem(http.perform(asCaller(get(FILES + "/content").param("path", "a.txt"))), 404, "not-found",
                "Not found")
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @Test
    void aVersionTheFileNeverHadIs404VersionNotFound() throws Exception {
        when(queries.query(any(FindFileDiffQuery.class), eq(FileDiffView.class))).thenReturn(
                CompletableFuture.failedFuture(new VersionNotFoundException("a.txt", 9, 2)));

        expectProblem(http.perform(asCaller(get(FILES + "/diff").param("path", "a.txt").param("from", "1")
                .param("to", "9"))), 404, "version-not-found", "Version not found")
                .andExpect(jsonPath("$.detail").value("'a.txt' has no version 9 (its newest is 2)"));
    }

    @Test
    void anUnreachableDatabaseIs503DatabaseUnavailableWithRetryAfter() throws Exception {
        when(queries.query(any(FindFileHistoryQuery.class), eq(FileHistoryView.class))).thenReturn(
                CompletableFuture.failedFuture(new CannotGetJdbcConnectionException("Connection refused")));

        expectProblem(http.perform(asCaller(get(FILES + "/history").param("path", "a.txt"))), 503,
                "database-unavailable", "Database unavailable")
                .andExpect(header().string("Retry-After", "2"));
    }

    @Test
    void aFailureNobodyForesawIs500InternalErrorAndSaysNothingOfItsCause() throws Exception {
        answersContent(new IllegalStateException("secret internals"));

        expectProblem(http.perform(asCaller(get(FILES + "/content").param("path", "a.txt"))), 500, "internal-error",
                "Internal error")
                .andExpect(jsonPath("$.detail").value(containsString("safe to retry")));
    }

    @Test
    void badParametersAre400BeforeAnyQueryIsSent() throws Exception {
        expectProblem(http.perform(asCaller(get(FILES + "/history").param("path", "a.txt").param("limit", "0"))), 400,
                "invalid-request", "Invalid request");
        expectProblem(http.perform(asCaller(get(FILES + "/content").param("path", "a.txt").param("version", "2")
                .param("at", "2025-01-31T12:00:00Z"))), 400, "invalid-request", "Invalid request");
        expectProblem(http.perform(asCaller(get(FILES).param("at", "yesterday").param("position", "3"))), 400,
                "invalid-request", "Invalid request");
        verify(queries, never()).query(any(), any(Class.class));
    }

    @Test
    void aClientThatAsksForJsonStillGetsProblemJson() throws Exception {
        answersContent(new NoFileAtPathException("No file at 'a.txt'"));

        expectProblem(http.perform(asCaller(get(FILES + "/content").param("path", "a.txt")
                .accept(MediaType.APPLICATION_JSON))), 404, "not-found", "Not found");
    }
}
