package dev.velocity.filehistory.command.project;

import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects and the tokens of their members. A token is shown once, in the response that creates it. */
@RestController
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projects and tokens")
class ProjectController {

    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");
    private static final int MAX_NAME_LENGTH = 200;

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    record CreateProjectRequest(String name, String user) {
    }

    record ProjectCreatedResponse(UUID projectId, String name, String user, String token) {
    }

    record AddMemberRequest(String user) {
    }

    record MemberAddedResponse(String user, String token) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Create a project", description = "Needs no token; answers with the creator's token.")
    ProjectCreatedResponse create(@RequestBody CreateProjectRequest request) {
        String name = requireName(request.name());
        String user = requireUser(request.user());
        ProjectService.NewProject project = projects.create(name, user);
        return new ProjectCreatedResponse(project.projectId(), name, user, project.token());
    }

    @PostMapping(path = "/{projectId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member", description = "Any member's token may add a member; answers with "
            + "the new member's token, which acts as that user.")
    MemberAddedResponse addMember(@PathVariable UUID projectId, @RequestBody AddMemberRequest request,
                                  Caller caller) {
        String user = requireUser(request.user());
        return new MemberAddedResponse(user, projects.addMember(caller.projectId(), user));
    }

    @DeleteMapping("/{projectId}/members/{user}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member", description = "Every token of the user stops working at once (401 on "
            + "every route, open live-updates streams end within seconds); history keeps the name. The project's "
            + "creator may remove anyone, any member may remove themselves; removing a user without tokens is 204 too.")
    @ErrorResponses({400, 403})
    void removeMember(@PathVariable UUID projectId, @PathVariable String user, Caller caller) {
        projects.removeMember(caller, requireUser(user));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiProblem.badRequest("'name' is required");
        }
        if (name.length() > MAX_NAME_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("'name' must be at most " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        return name;
    }

    private static String requireUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw ApiProblem.badRequest("'user' must be 1 to 64 letters, digits or . _ @ + -");
        }
        return user;
    }
}
