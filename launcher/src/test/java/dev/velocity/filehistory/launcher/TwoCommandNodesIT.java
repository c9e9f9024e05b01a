package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.command.CommandSideApplication;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.testing.TestDatabase;
import dev.velocity.filehistory.query.QuerySideApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command nodes on one PostgreSQL, each with its own aggregate cache: a file cached by one node before the
 * other saved it must never be answered from that stale copy (a wrong 409 or "unchanged").
 */
class TwoCommandNodesIT {

    @Test
    void clientsAlternatingBetweenTwoCommandNodesSeeTheTrueCurrentVersion() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("server.port", "0");
        try (ConfigurableApplicationContext first = Nodes.start(CommandSideApplication.class, properties);
             ConfigurableApplicationContext second = Nodes.start(CommandSideApplication.class, properties);
             ConfigurableApplicationContext queries = Nodes.start(QuerySideApplication.class, properties)) {
            Api[] nodes = {new Api(Nodes.port(first)), new Api(Nodes.port(second))};
            Project project = nodes[0].createProject("two nodes", "alice");
            String path = "shared.txt";

            assertThat(nodes[0].save(project, path, "v1", 0).version()).isEqualTo(1);
            assertThat(nodes[1].save(project, path, "v2", 1).version()).as("node 2 caches v2").isEqualTo(2);
            assertThat(nodes[0].save(project, path, "v3", 2).version()).as("node 1 cached v1").isEqualTo(3);
            assertThat(nodes[1].save(project, path, "v4", 3).version()).as("node 2 cached v2").isEqualTo(4);
            Response same = nodes[0].save(project, path, "v4", null);
            assertThat(same.json().get("changed").asBoolean()).as("node 1 cached v3: v4's content is unchanged")
                    .isFalse();
            assertThat(same.version()).isEqualTo(4);
            Response stale = nodes[0].save(project, path, "v5", 3);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(4);

            alternatingWriters(nodes, project, path, new Api(Nodes.port(queries)));
        }
    }

    /** Eight writers, each alternating between the nodes: every 409 names a version at least the writer's own. */
    private static void alternatingWriters(Api[] nodes, Project project, String path, Api queries) throws Exception {
        ConcurrentLinkedQueue<String> staleAnswers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    int seen = 4;
                    for (int i = 0; i < 30; i++) {
                        Response r = nodes[i % 2].save(project, path, "writer " + writer + " save " + i, seen);
                        if (r.status() == 200) {
                            seen = r.version();
                            acknowledged.add(seen);
                        } else {
                            assertThat(r.status()).as(r.toString()).isEqualTo(409);
                            int current = r.json().get("currentVersion").asInt();
                            if (current <= seen) {
                                staleAnswers.add("writer " + writer + " saw v" + seen + ", got 409 naming v" + current);
                            }
                            seen = current;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(staleAnswers).isEmpty();
        int newest = acknowledged.stream().mapToInt(Integer::intValue).max().orElse(4);
        assertThat(acknowledged).doesNotHaveDuplicates();
        Response history = queries.history(project, path, "&limit=1000&minVersion=" + newest);
        assertThat(history.json().get("entries")).hasSize(newest);
    }
}
