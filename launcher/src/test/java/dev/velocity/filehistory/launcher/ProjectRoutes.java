package dev.velocity.filehistory.launcher;

import dev.velocity.filehistory.launcher.Api.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route under {@code /api/projects/{projectId}}, each with a request a client could send it about a project
 * holding {@code secret.txt} at version 1 and the member {@code alice}. {@link #mapped} reads the routes the running
 * system serves, so a test can insist that a new route is added here (and so to the auth tests) before it ships.
 */
final class ProjectRoutes {

    static final String PREFIX = "/api/projects/{projectId}";

    record Route(String method, String pattern, String pathAndQuery, String body) {

        String key() {
            return method + " " + PREFIX + pattern;
        }

        /** The live-updates route is asked the way EventSource asks it: the token in the query string. */
        Response send(Api api, String projectId, String token) {
            String path = "/api/projects/" + projectId + pathAndQuery;
            if (pattern.equals("/updates")) {
                return api.send(method, path + "?access_token=" + token, null, body);
            }
            return api.send(method, path, token, body);
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static final List<Route> ALL = List.of(
            new Route("POST", "/members", "/members", "{\"user\":\"eve\"}"),
            new Route("DELETE", "/members/{user}", "/members/alice", null),
            new Route("PUT", "/files", "/files?path=secret.txt", "{\"content\":\"x\",\"expectedVersion\":1}"),
            new Route("DELETE", "/files", "/files?path=secret.txt&expectedVersion=1", null),
            new Route("POST", "/files/move", "/files/move",
                    "{\"from\":\"secret.txt\",\"to\":\"moved.txt\",\"expectedVersion\":1}"),
            new Route("POST", "/files/restore", "/files/restore",
                    "{\"path\":\"secret.txt\",\"version\":1,\"expectedVersion\":1}"),
            new Route("GET", "/files", "/files", null),
            new Route("GET", "/files/content", "/files/content?path=secret.txt", null),
            new Route("GET", "/files/history", "/files/history?path=secret.txt", null),
            new Route("GET", "/files/diff", "/files/diff?path=secret.txt&from=1&to=1", null),
            new Route("GET", "/timeline", "/timeline", null),
            new Route("GET", "/files/deleted", "/files/deleted", null),
            new Route("GET", "/updates", "/updates", null),
            new Route("GET", "/events", "/events?after=0", null),
            new Route("GET", "/verify", "/verify", null),
            new Route("GET", "/export", "/export", null));

    private ProjectRoutes() {
    }

    static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        ALL.forEach(route -> keys.add(route.key()));
        return keys;
    }

    /** "METHOD pattern" of every handler mapped under /api/projects/{projectId}. */
    static Set<String> mapped(RequestMappingHandlerMapping mapping) {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith(PREFIX)) {
                    continue;
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    keys.add("ANY " + pattern);
                }
                info.getMethodsCondition().getMethods().forEach(method -> keys.add(method.name() + " " + pattern));
            }
        }
        return keys;
    }
}
