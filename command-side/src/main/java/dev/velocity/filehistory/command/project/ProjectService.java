package dev.velocity.filehistory.command.project;

import dev.velocity.filehistory.api.CreateProjectCommand;
import dev.velocity.filehistory.platform.auth.AccessTokens;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.RequestIdFilter;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects are access control, not history: they live in plain tables, and no token (nor its hash) ever goes
 * into an event. What is auditable about a project goes into its own event stream ({@link ProjectAggregate}).
 */
@Service
class ProjectService {

    record NewProject(UUID projectId, String token) {
    }

    private final JdbcTemplate jdbc;
    private final AccessTokens tokens;
    private final Clock clock;
    private final CommandGateway commands;

    ProjectService(JdbcTemplate jdbc, AccessTokens tokens, Clock clock, CommandGateway commands) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
        this.commands = commands;
    }

    /**
     * The project's row, its creator's first token and the first event of its stream, in one transaction: the
     * command's unit of work joins it (the bus runs the handler on this thread). The command takes the turn of an
     * aggregate that nobody else knows yet, so this thread, holding a connection, never waits for it.
     */
    @Transactional
    NewProject create(String name, String user) {
        UUID projectId = UUID.randomUUID();
        jdbc.update("INSERT INTO projects (project_id, name, created_by, created_at) VALUES (?, ?, ?, ?)",
                projectId, name, user, Timestamp.from(clock.instant()));
        String token = tokens.issue(projectId, user);
        MetaData metaData = MetaData.with("user", user).and("projectId", projectId.toString());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new CreateProjectCommand(projectId.toString(), name, user))
                .andMetaData(requestId == null ? metaData : metaData.and("requestId", requestId)));
        return new NewProject(projectId, token);
    }

    @Transactional
    String addMember(UUID projectId, String user) {
        return tokens.issue(projectId, user);
    }

    /**
     * The project's creator may remove any member, any member may remove themselves (leave); nobody else. Removing
     * a user without tokens changes nothing and is no error, so a retried request gets the same answer.
     */
    void removeMember(Caller caller, String user) {
        String creator = jdbc.queryForObject("SELECT created_by FROM projects WHERE project_id = ?", String.class,
                caller.projectId());
        if (!caller.user().equals(user) && !caller.user().equals(creator)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed",
                    "Only the project's creator may remove another member; any member may remove themselves");
        }
        tokens.revoke(caller.projectId(), user);
    }
}
