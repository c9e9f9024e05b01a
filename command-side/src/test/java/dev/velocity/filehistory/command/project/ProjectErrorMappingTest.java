package dev.velocity.filehistory.command.project;

import static dev.velocity.filehistory.webslice.ProblemAnswers.asCaller;
import static dev.velocity.filehistory.webslice.ProblemAnswers.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.velocity.filehistory.webslice.WebSlice;
import dev.velocity.filehistory.platform.web.ApiProblem;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Projects and members: refusals as problem+json, with the service as a test double. */
@WebMvcTest(controllers = ProjectController.class)
@ContextConfiguration(classes = WebSlice.class)
class ProjectErrorMappingTest {

    private static final UUID PROJECT = UUID.randomUUID();

    @Autowired
    MockMvc http;

    @MockitoBean
    ProjectService projects;

    @Test
    void removingAnotherMemberAsANonCreatorIs403NotAllowed() throws Exception {
        doThrow(new ApiProblem(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed", "Only the creator may"))
                .when(projects).removeMember(any(), anyString());

        expectProblem(http.perform(asCaller(PROJECT, "bob", delete("/api/projects/" + PROJECT + "/members/carol"))),
                403, "not-allowed", "Not allowed");
    }

    @Test
    void aProjectWithoutANameIs400AndCreatesNothing() throws Exception {
        expectProblem(http.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"user\":\"alice\"}")), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.detail").value("'name' is required"));
        verify(projects, never()).create(anyString(), anyString());
    }
}
