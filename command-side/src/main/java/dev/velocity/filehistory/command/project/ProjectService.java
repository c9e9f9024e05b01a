package dev.velocity.filehistory.command.project;

import dev.velocity.filehistory.platform.auth.AccessTokens;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects are access control, not history: they live in plain tables, and no token (nor its hash) ever goes
 * into an event.
 */
@Service
class ProjectService {

    record NewProject(UUID projectId, String token) {
    }

    private final JdbcTemplate jdbc;
    private final AccessTokens tokens;
    private final Clock clock;

    ProjectService(JdbcTemplate jdbc, AccessTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    NewProject create(String name, String user) {
        UUID projectId = UUID.randomUUID();
        jdbc.update("INSERT INTO projects (project_id, name, created_by, created_at) VALUES (?, ?, ?, ?)",
                projectId, name, user, Timestamp.from(clock.instant()));
        return new NewProject(projectId, tokens.issue(projectId, user));
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
