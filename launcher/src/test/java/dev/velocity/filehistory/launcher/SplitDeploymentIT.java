package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.command.CommandSideApplication;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.testing.TestDatabase;
import dev.velocity.filehistory.query.QuerySideApplication;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The split deployment: the command side and the query side as separate Spring applications that share only
 * PostgreSQL. A save through one becomes readable through the other.
 */
class SplitDeploymentIT {

    @Test
    void aSaveThroughTheCommandSideIsReadableThroughTheQuerySide() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("server.port", "0");
        try (ConfigurableApplicationContext commandSide = Nodes.start(CommandSideApplication.class, properties);
             ConfigurableApplicationContext querySide = Nodes.start(QuerySideApplication.class, properties)) {
            Api commands = new Api(Nodes.port(commandSide));
            Api queries = new Api(Nodes.port(querySide));

            Project project = commands.createProject("split", "alice");
            Response saved = commands.save(project, "src/app.js", "split deployment", 0);
            assertThat(saved.status()).isEqualTo(201);
            commands.save(project, "src/app.js", "split deployment, saved again", 1);

            Response read = queries.content(project, "src/app.js", "&minVersion=2");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("content").asText()).isEqualTo("split deployment, saved again");
            assertThat(queries.history(project, "src/app.js", "").json().get("entries")).hasSize(2);
            assertThat(queries.get("/api/projects/" + project.id() + "/events", project.token()).body().lines())
                    .as("the query side selects the project's events (its own stream's and its file's) by its own "
                            + "stream-to-project map").hasSize(3);

            assertThat(queries.get("/api/projects/" + project.id() + "/files", "vfh_unknown").status())
                    .isEqualTo(401);
            assertThat(commands.content(project, "src/app.js", "").status())
                    .as("the command side serves no queries").isEqualTo(404);
            assertThat(queries.save(project, "src/app.js", "x", null).status())
                    .as("the query side takes no commands").isEqualTo(405);
        }
    }
}
