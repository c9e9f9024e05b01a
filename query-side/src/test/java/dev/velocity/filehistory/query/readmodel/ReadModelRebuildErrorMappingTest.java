package dev.velocity.filehistory.query.readmodel;

import static dev.velocity.filehistory.webslice.ProblemAnswers.expectProblem;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.velocity.filehistory.webslice.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The admin's rebuild route refused as problem+json, with the rebuild as a test double. */
@WebMvcTest(controllers = ReadModelRebuildController.class)
@ContextConfiguration(classes = WebSlice.class)
class ReadModelRebuildErrorMappingTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    ReadModelRebuild rebuild;

    @Test
    void aSecondRebuildWhileOneRunsIs409RebuildRunning() throws Exception {
        when(rebuild.start()).thenReturn(false);

        expectProblem(http.perform(post("/api/admin/read-models/rebuild")), 409, "rebuild-running", "Rebuild running");
    }
}
