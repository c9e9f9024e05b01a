package dev.velocity.filehistory.command.file;

import static dev.velocity.filehistory.webslice.ProblemAnswers.expectProblem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.velocity.filehistory.command.idempotency.IdempotencyKeyInUseException;
import dev.velocity.filehistory.command.idempotency.IdempotentCommands;
import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.webslice.ProblemAnswers;
import dev.velocity.filehistory.webslice.WebSlice;
import dev.velocity.filehistory.platform.web.ApiProblem;
import java.util.UUID;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the file commands answer when they are refused: each business rejection becomes its status, problem type
 * and title (with what the client needs to act on it), Retry-After where the client should come back, always as
 * application/problem+json. The command service is a test double: this is about the HTTP translation.
 */
@WebMvcTest(controllers = FileCommandController.class)
@ContextConfiguration(classes = {WebSlice.class, FileCommandErrorMappingTest.Limits.class})
@TestPropertySource(properties = "velocity.max-content-bytes=" + FileCommandErrorMappingTest.MAX_CONTENT_BYTES)
class FileCommandErrorMappingTest {

    private static final UUID PROJECT = UUID.randomUUID();
    private static final String FILES = "/api/projects/" + PROJECT + "/files";
    static final long MAX_CONTENT_BYTES = 64;

    /** The service's settings with their defaults, but for a content limit small enough to pass in a test. */
    @TestConfiguration
    @EnableConfigurationProperties(VelocityProperties.class)
    static class Limits {
    }

    @Autowired
    MockMvc http;

    @MockitoBean
    FileCommandService files;

    @MockitoBean
    IdempotentCommands idempotent;

    private static MockHttpServletRequestBuilder asCaller(MockHttpServletRequestBuilder request) {
        return ProblemAnswers.asCaller(PROJECT, "alice", request);
    }

    private void commandsAreRejectedWith(RuntimeException rejection) {
        when(idempotent.run(any(), any(), any(), any())).thenThrow(rejection);
    }

    private ResultActions save(String body) throws Exception {
        return http.perform(asCaller(put(FILES).param("path", "a.txt").contentType(MediaType.APPLICATION_JSON)
                .content(body)));
    }


    @Test
    void aStaleExpectedVersionIs409VersionConflictWithWhatIsCurrent() throws Exception {
        commandsAreRejectedWith(new VersionConflictException("a.txt", 1, 3, "abc"));

        expectProblem(save("{\"content\":\"x\",\"expectedVersion\":1}"), 409, "version-conflict", "Version conflict")
                .andExpect(jsonPath("$.path").value("a.txt"))
                .andExpect(jsonPath("$.expectedVersion").value(1))
                .andExpect(jsonPath("$.currentVersion").value(3))
                .andExpect(jsonPath("$.currentContentHash").value("abc"))
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @Test
    void aMoveOntoALiveFileIs409PathTaken() throws Exception {
        commandsAreRejectedWith(new PathTakenException("b.txt", false));

        expectProblem(http.perform(asCaller(post(FILES + "/move").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"a.txt\",\"to\":\"b.txt\"}"))), 409, "path-taken", "Path taken")
                .andExpect(jsonPath("$.path").value("b.txt"));
    }

    @Test
    void deletingAPathWithNoFileIs404NotFound() throws Exception {
        commandsAreRejectedWith(new UnknownFileException("a.txt"));

        expectProblem(http.perform(asCaller(delete(FILES).param("path", "a.txt"))), 404, "not-found", "Not found");
    }

    @Test
    void restoringAVersionTheFileNeverHadIs404VersionNotFound() throws Exception {
        commandsAreRejectedWith(new VersionNotFoundException("a.txt", 9, 2));

        expectProblem(http.perform(asCaller(post(FILES + "/restore").contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\":\"a.txt\",\"version\":9}"))), 404, "version-not-found", "Version not found");
    }

    @Test
    void aFileBusyPastItsTurnIs503FileBusyWithRetryAfter() throws Exception {
        commandsAreRejectedWith(new LockAcquisitionFailedException("turn timed out"));

        expectProblem(save("{\"content\":\"x\"}"), 503, "file-busy", "File busy")
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void anIdempotencyKeyStillInUseIs409WithRetryAfter() throws Exception {
        commandsAreRejectedWith(new IdempotencyKeyInUseException());

        expectProblem(save("{\"content\":\"x\"}"), 409, "idempotency-key-in-use", "Idempotency-Key in use")
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIs422() throws Exception {
        commandsAreRejectedWith(new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", "The key was used for another request"));

        expectProblem(save("{\"content\":\"x\"}"), 422, "idempotency-key-reused", "Idempotency-Key reused");
    }

    @Test
    void contentOverTheLimitIs413WithTheLimitAndReachesNoCommand() throws Exception {
        expectProblem(save("{\"content\":\"" + "x".repeat((int) MAX_CONTENT_BYTES + 1) + "\"}"), 413,
                "content-too-large", "Content too large")
                .andExpect(jsonPath("$.limitBytes").value(MAX_CONTENT_BYTES));
        verify(idempotent, never()).run(any(), any(), any(), any());
    }

    @Test
    void aBodyThatIsNotJsonIs400AndOneOfAnotherTypeIs415() throws Exception {
        expectProblem(save("{\"content\":"), 400, "invalid-request", "Invalid request");
        expectProblem(http.perform(asCaller(put(FILES).param("path", "a.txt").contentType(MediaType.TEXT_PLAIN)
                .content("x"))), 415, "http-415", "Unsupported Media Type");
        verify(idempotent, never()).run(any(), any(), any(), any());
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405WithTheMethodsItDoes() throws Exception {
        expectProblem(http.perform(asCaller(patch(FILES).param("path", "a.txt"))), 405, "http-405",
                "Method Not Allowed")
                .andExpect(header().string("Allow", containsString("PUT")));
    }
}
