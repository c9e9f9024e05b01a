package dev.velocity.filehistory.launcher;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Malformed request lines and credentials: methods, project ids, paths, numbers, points in time, unknown routes, tokens. */
final class MalformedTargets extends RequestDraws {

    private static final List<String> BAD_PATHS = List.of("", "%2Fabs", "a%2F%2Fb", "a%2F.%2Fb", "a%2F..%2Fb", "..",
            ".", "dir%2F", "a%5Cb", "a%01b", "a%7Fb", "%C2%85", "%09tab", "%C3%A9".repeat(513), "%FF", "%C3",
            "%ED%A0%80", "a%00b");
    private static final List<String> BAD_NUMBERS = List.of("abc", "-1", "2147483648", "1.5", "1e3", "0x10", "%201",
            "99999999999999999999", "%00", "NaN", "1%2C2");

    MalformedTargets(Random random, String project, String token, String adminToken, long maxBodyBytes) {
        super(random, project, token, adminToken, maxBodyBytes);
    }

    Malformed wrongMethod() {
        String[][] routes = {{"PATCH", "/files?path=a.txt"}, {"POST", "/files"}, {"GET", "/files/move"},
                {"PUT", "/files/move"}, {"GET", "/files/restore"}, {"DELETE", "/files/restore"},
                {"POST", "/files/content?path=a.txt"}, {"PUT", "/files/history?path=a.txt"},
                {"DELETE", "/files/diff?path=a.txt&from=1&to=2"}, {"POST", "/events"}, {"PUT", "/verify"},
                {"POST", "/export"}, {"DELETE", "/updates"}, {"PUT", "/updates"}, {"PATCH", "/members"},
                {"GET", "/members"}, {"TRACE", "/files"}, {"PUT", ""}, {"DELETE", ""}};
        String[] route = routes[random.nextInt(routes.length)];
        String target = route[1].isEmpty() ? "/api/projects" : base() + route[1];
        return new Malformed(route[1].isEmpty() ? "projects" : route[1], "wrong-method", route[0], ascii(target),
                auth(Map.of()), null);
    }

    Malformed badProjectId() {
        String id = pick(List.of("not-a-uuid", "123", UUID.randomUUID().toString(), project.toUpperCase(),
                project + "x", "%20", "%FF", "null"));
        String rest = pick(List.of("/files", "/files/content?path=a.txt", "/files/history?path=a.txt", "/events",
                "/verify", "/export", "/updates", "/files/diff?path=a.txt&from=1&to=2", "/timeline", "/files/deleted"));
        return new Malformed(rest, "bad-project-id", "GET", ascii("/api/projects/" + id + rest), auth(Map.of()), null);
    }

    Malformed badPath() {
        String path = random.nextInt(10) == 0 ? null : pick(BAD_PATHS);
        String param = path == null ? "" : "path=" + path;
        return switch (random.nextInt(5)) {
            case 0 -> new Malformed("save", "bad-path", "PUT", ascii(base() + "/files?" + param), auth(jsonType()),
                    utf8(VALID.get("save")));
            case 1 -> query("delete", "bad-path", "DELETE", "/files?" + param + "&expectedVersion=1");
            case 2 -> query("content", "bad-path", "GET", "/files/content?" + param);
            case 3 -> query("history", "bad-path", "GET", "/files/history?" + param);
            default -> query("diff", "bad-path", "GET", "/files/diff?" + param + "&from=1&to=2");
        };
    }

    Malformed badNumber() {
        String value = pick(BAD_NUMBERS);
        String[][] params = {{"delete", "DELETE", "/files?path=a.txt&expectedVersion="},
                {"content", "GET", "/files/content?path=a.txt&version="}, {"content", "GET", "/files/content?path=a.txt&minVersion="},
                {"history", "GET", "/files/history?path=a.txt&limit="}, {"history", "GET", "/files/history?path=a.txt&before="},
                {"history", "GET", "/files/history?path=a.txt&minVersion="}, {"diff", "GET", "/files/diff?path=a.txt&to=2&from="},
                {"diff", "GET", "/files/diff?path=a.txt&from=1&to="}, {"events", "GET", "/events?after="},
                {"events", "GET", "/events?limit="}, {"list", "GET", "/files?minVersion="},
                {"timeline", "GET", "/timeline?limit="}, {"timeline", "GET", "/timeline?before="},
                {"timeline", "GET", "/timeline?minVersion="}, {"deleted", "GET", "/files/deleted?limit="},
                {"deleted", "GET", "/files/deleted?minVersion="}};
        String[] param = params[random.nextInt(params.length)];
        String below = param[2].endsWith("limit=") ? pick(List.of("0", "10001")) : "0";
        boolean belowMinimum = random.nextInt(4) == 0 && !param[2].contains("minVersion") && !param[2].contains("after")
                && !param[2].contains("expectedVersion");
        return query(param[0], "bad-number", param[1], param[2] + (belowMinimum ? below : value));
    }

    Malformed badPointInTime() {
        String bad = pick(List.of("at=yesterday", "at=2025-13-01T00:00:00Z", "at=2025-01-01", "at=12345",
                "at=2025-01-01T00:00:00%2B25:00", "position=-1", "position=abc", "position=1.5",
                "position=99999999999999999999", "at=2025-01-01T00:00:00Z&position=1"));
        return random.nextBoolean() ? query("list", "bad-point-in-time", "GET", "/files?" + bad)
                : query("content", "bad-point-in-time", "GET", "/files/content?path=a.txt&"
                        + (random.nextInt(4) == 0 ? "version=1&at=2025-01-01T00:00:00Z" : bad));
    }

    Malformed invalidUtf8Query() {
        String route = pick(List.of("/files/content?path=", "/files/history?path=", "/files/diff?from=1&to=2&path=",
                "/files?expectedVersion=1&path="));
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(ascii(base() + route));
        target.writeBytes(pick(BAD_UTF8));
        String method = route.startsWith("/files?") ? "DELETE" : "GET";
        return new Malformed(route, "invalid-utf8-query", method, target.toByteArray(), auth(Map.of()), null);
    }

    Malformed invalidRequestTarget() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(ascii(base() + pick(List.of("/files/", "/", "/files/content/"))));
        target.writeBytes(pick(List.of(new byte[] {(byte) 0xFF}, ascii("%FF"), ascii("%00"), new byte[] {0x01},
                ascii("a b"), ascii("%C3"), new byte[] {0x7F}, ascii("%2e%2e/%2e%2e/x"))));
        return new Malformed("request-target", "invalid-request-target", "GET", target.toByteArray(), auth(Map.of()), null);
    }

    Malformed hugeQuery() {
        int length = random.nextBoolean() ? 1_100 + random.nextInt(5_000) : 9_000 + random.nextInt(100_000);
        return query(pick(List.of("content", "history")), "huge-query", "GET",
                pick(List.of("/files/content?path=", "/files/history?path=")) + "q".repeat(length));
    }

    Malformed unknownRoute() {
        String route = pick(List.of(base() + "/files/nothing", base() + "/nothing", "/api/nothing",
                base() + "/files/content/extra", "/api/admin/nothing", base() + "/members/bob/extra"));
        return new Malformed("unknown", "unknown-route", pick(List.of("GET", "POST")), ascii(route), auth(Map.of()),
                null);
    }

    Malformed badToken() {
        Map<String, String> headers = new LinkedHashMap<>();
        String authorization = pick(List.of("", "Bearer", "Bearer wrong", "Basic YWxpY2U6eA==", "Bearer " + token + "x",
                "bearer  ", "Token " + token));
        if (!authorization.isEmpty()) {
            headers.put("Authorization", authorization);
        }
        String route = pick(List.of("/files", "/files/content?path=a.txt", "/events", "/verify", "/export",
                "/updates", "/updates?access_token=wrong", "/files/history?path=a.txt"));
        return new Malformed(route, "bad-token", "GET", ascii(base() + route), headers, null);
    }

    Malformed badAdminRequest() {
        String method = pick(List.of("GET", "POST", "PUT", "DELETE"));
        Map<String, String> headers = new LinkedHashMap<>();
        if (method.equals("PUT") || method.equals("DELETE")) {
            headers.put("Authorization", "Bearer " + adminToken);
        } else {
            headers.put("Authorization", "Bearer " + pick(List.of(token, "wrong", adminToken + "x")));
        }
        return new Malformed("admin-rebuild", "bad-admin-request", method, ascii("/api/admin/read-models/rebuild"),
                headers, null);
    }
}
