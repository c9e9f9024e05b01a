package dev.velocity.filehistory.launcher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A seeded generator of requests that each break a rule of api.md, over every route. Each is built so that it
 * cannot be valid: a request that might succeed (and store something or open a stream) is never generated.
 */
final class MalformedRequests {

    record Malformed(String route, String kind, String method, byte[] target, Map<String, String> headers,
                     byte[] body) {

        byte[] bytes() {
            return RawHttp.request(method, target, headers, body);
        }

        @Override
        public String toString() {
            String shown = new String(target, StandardCharsets.ISO_8859_1);
            return kind + " " + method + " " + (shown.length() > 120 ? shown.substring(0, 120) + "..." : shown);
        }
    }

    private static final List<String> SHAPES = List.of("", "{", "[]", "null", "42", "\"text\"", "{\"content\":",
            "{'content':'x'}", "{\"content\":\"x\",}", "[{\"content\":\"x\"}]", "{\"content\":\"x\"",
            "{\"content\":\"x\",\"expectedVersion\":NaN}", "{\"a\":" + "[".repeat(3000), "\u0000");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "save", List.of("{\"content\":5}", "{\"content\":true}", "{\"content\":[]}", "{\"content\":{}}",
                    "{\"content\":null}", "{}", "{\"expectedVersion\":1}", "{\"content\":\"x\",\"expectedVersion\":\"1\"}",
                    "{\"content\":\"x\",\"expectedVersion\":-1}", "{\"content\":\"x\",\"expectedVersion\":2147483648}",
                    "{\"content\":\"x\",\"expectedVersion\":1.5}", "{\"content\":\"x\",\"expectedVersion\":1e400}",
                    "{\"content\":\"x\",\"expectedVersion\":true}", "{\"content\":\"x\",\"expectedVersion\":[1]}",
                    "{\"content\":\"x\",\"fileType\":5}", "{\"content\":\"x\",\"fileType\":\"" + "t".repeat(101) + "\"}",
                    "{\"content\":\"x\",\"message\":{}}", "{\"content\":\"x\",\"message\":\"" + "m".repeat(2001) + "\"}",
                    "{\"content\":\"x\",\"expectedVersion\":99999999999999999999999}"),
            "move", List.of("{}", "{\"from\":\"a.txt\"}", "{\"to\":\"b.txt\"}", "{\"from\":5,\"to\":\"b\"}",
                    "{\"from\":\"a.txt\",\"to\":[\"b\"]}", "{\"from\":\"a.txt\",\"to\":\"/b\"}",
                    "{\"from\":\"a.txt\",\"to\":\"b\",\"expectedVersion\":\"2\"}",
                    "{\"from\":\"a.txt\",\"to\":\"b\",\"expectedVersion\":-3}", "{\"from\":\"../a\",\"to\":\"b\"}",
                    "{\"from\":\"a.txt\",\"to\":\"b\\\\c\"}", "{\"from\":\"a.txt\",\"to\":\"b\\u0001\"}"),
            "restore", List.of("{}", "{\"path\":\"a.txt\"}", "{\"path\":\"a.txt\",\"version\":0}",
                    "{\"path\":\"a.txt\",\"version\":-1}", "{\"path\":\"a.txt\",\"version\":\"1\"}",
                    "{\"path\":\"a.txt\",\"version\":2147483648}", "{\"path\":5,\"version\":1}",
                    "{\"path\":\"a.txt\",\"version\":1,\"expectedVersion\":1.5}", "{\"path\":\"a//b\",\"version\":1}"),
            "members", List.of("{}", "{\"user\":\"\"}", "{\"user\":5}", "{\"user\":\"a b\"}", "{\"user\":null}",
                    "{\"user\":\"" + "u".repeat(65) + "\"}", "{\"user\":[\"bob\"]}", "{\"user\":\"bob\\u0000\"}"),
            "projects", List.of("{}", "{\"name\":\"demo\"}", "{\"name\":\"\",\"user\":\"alice\"}",
                    "{\"name\":5,\"user\":\"alice\"}", "{\"name\":\"x\",\"user\":\"a/b\"}",
                    "{\"name\":\"" + "n".repeat(201) + "\",\"user\":\"a\"}", "{\"name\":\"a\\u0007b\",\"user\":\"a\"}"));
    /** Bodies that would be valid on their route, but could only conflict if they ever ran. */
    private static final Map<String, String> VALID = Map.of(
            "save", "{\"content\":\"never\",\"expectedVersion\":0}",
            "move", "{\"from\":\"a.txt\",\"to\":\"never.txt\",\"expectedVersion\":1}",
            "restore", "{\"path\":\"a.txt\",\"version\":1,\"expectedVersion\":1}",
            "members", "{\"user\":\"never\"}",
            "projects", "{\"name\":\"never\",\"user\":\"never\"}");
    private static final List<String> BAD_PATHS = List.of("", "%2Fabs", "a%2F%2Fb", "a%2F.%2Fb", "a%2F..%2Fb", "..",
            ".", "dir%2F", "a%5Cb", "a%01b", "a%7Fb", "%C2%85", "%09tab", "%C3%A9".repeat(513), "%FF", "%C3",
            "%ED%A0%80", "a%00b");
    private static final List<String> BAD_NUMBERS = List.of("abc", "-1", "2147483648", "1.5", "1e3", "0x10", "%201",
            "99999999999999999999", "%00", "NaN", "1%2C2");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xC3});

    private final Random random;
    private final String project;
    private final String token;
    private final String adminToken;
    private final long maxBodyBytes;

    MalformedRequests(long seed, String project, String token, String adminToken, long maxBodyBytes) {
        this.random = new Random(seed);
        this.project = project;
        this.token = token;
        this.adminToken = adminToken;
        this.maxBodyBytes = maxBodyBytes;
    }

    List<Malformed> generate(int count) {
        List<Supplier<Malformed>> kinds = List.of(this::badJson, this::invalidUtf8Body, this::wrongContentType,
                this::wrongMethod, this::badProjectId, this::badPath, this::badNumber, this::badPointInTime,
                this::invalidUtf8Query, this::invalidRequestTarget, this::hugeHeader, this::hugeQuery,
                this::declaredBodyOverLimit, this::brokenFraming, this::badToken, this::unknownRoute,
                this::badIdempotencyKey, this::badAdminRequest);
        List<Malformed> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(kinds.get(i % kinds.size()).get());
        }
        return requests;
    }

    private String base() {
        return "/api/projects/" + project;
    }

    private String jsonRoute(String route) {
        return switch (route) {
            case "save" -> base() + "/files?path=a.txt";
            case "move", "restore" -> base() + "/files/" + route;
            case "members" -> base() + "/members";
            default -> "/api/projects";
        };
    }

    private static String jsonMethod(String route) {
        return route.equals("save") ? "PUT" : "POST";
    }

    private Malformed json(String kind, String route, Map<String, String> headers, byte[] body) {
        return new Malformed(route, kind, jsonMethod(route), ascii(jsonRoute(route)), headers, body);
    }

    private Malformed badJson() {
        String route = pick(List.copyOf(new java.util.TreeSet<>(FIELDS.keySet())));
        String body = random.nextBoolean() ? pick(SHAPES) : pick(FIELDS.get(route));
        return json("bad-json", route, auth(jsonType()), utf8(body));
    }

    private Malformed invalidUtf8Body() {
        String route = pick(List.of("save", "move", "restore", "members", "projects"));
        String[] around = switch (route) {
            case "save" -> new String[] {"{\"content\":\"", "\",\"expectedVersion\":0}"};
            case "move" -> new String[] {"{\"from\":\"", "\",\"to\":\"b.txt\"}"};
            case "restore" -> new String[] {"{\"path\":\"", "\",\"version\":1}"};
            case "members" -> new String[] {"{\"user\":\"", "\"}"};
            default -> new String[] {"{\"name\":\"", "\",\"user\":\"alice\"}"};
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8(around[0]));
        body.writeBytes(pick(BAD_UTF8));
        body.writeBytes(utf8(around[1]));
        return json("invalid-utf8-body", route, auth(jsonType()), body.toByteArray());
    }

    private Malformed wrongContentType() {
        String route = pick(List.of("save", "move", "restore", "members", "projects"));
        Map<String, String> headers = auth(Map.of());
        String type = pick(List.of("text/plain", "application/xml", "text/json", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/problem+json", "application/json;charset=bogus",
                "", "none"));
        if (!type.equals("none")) {
            headers.put("Content-Type", type);
        }
        return json("wrong-content-type", route, headers, utf8(VALID.get(route)));
    }

    private Malformed wrongMethod() {
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

    private Malformed badProjectId() {
        String id = pick(List.of("not-a-uuid", "123", UUID.randomUUID().toString(), project.toUpperCase(),
                project + "x", "%20", "%FF", "null"));
        String rest = pick(List.of("/files", "/files/content?path=a.txt", "/files/history?path=a.txt", "/events",
                "/verify", "/export", "/updates", "/files/diff?path=a.txt&from=1&to=2", "/timeline", "/files/deleted"));
        return new Malformed(rest, "bad-project-id", "GET", ascii("/api/projects/" + id + rest), auth(Map.of()), null);
    }

    private Malformed badPath() {
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

    private Malformed badNumber() {
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

    private Malformed badPointInTime() {
        String bad = pick(List.of("at=yesterday", "at=2025-13-01T00:00:00Z", "at=2025-01-01", "at=12345",
                "at=2025-01-01T00:00:00%2B25:00", "position=-1", "position=abc", "position=1.5",
                "position=99999999999999999999", "at=2025-01-01T00:00:00Z&position=1"));
        return random.nextBoolean() ? query("list", "bad-point-in-time", "GET", "/files?" + bad)
                : query("content", "bad-point-in-time", "GET", "/files/content?path=a.txt&"
                        + (random.nextInt(4) == 0 ? "version=1&at=2025-01-01T00:00:00Z" : bad));
    }

    private Malformed invalidUtf8Query() {
        String route = pick(List.of("/files/content?path=", "/files/history?path=", "/files/diff?from=1&to=2&path=",
                "/files?expectedVersion=1&path="));
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(ascii(base() + route));
        target.writeBytes(pick(BAD_UTF8));
        String method = route.startsWith("/files?") ? "DELETE" : "GET";
        return new Malformed(route, "invalid-utf8-query", method, target.toByteArray(), auth(Map.of()), null);
    }

    private Malformed invalidRequestTarget() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(ascii(base() + pick(List.of("/files/", "/", "/files/content/"))));
        target.writeBytes(pick(List.of(new byte[] {(byte) 0xFF}, ascii("%FF"), ascii("%00"), new byte[] {0x01},
                ascii("a b"), ascii("%C3"), new byte[] {0x7F}, ascii("%2e%2e/%2e%2e/x"))));
        return new Malformed("request-target", "invalid-request-target", "GET", target.toByteArray(), auth(Map.of()), null);
    }

    private Malformed hugeHeader() {
        Map<String, String> headers = auth(jsonType());
        if (random.nextBoolean()) {
            headers.put("X-Padding", "p".repeat(9_000 + random.nextInt(60_000)));
        } else {
            for (int i = 0; i < 400 + random.nextInt(400); i++) {
                headers.put("X-Header-" + i, "v".repeat(30));
            }
        }
        return json("huge-header", pick(List.of("save", "move", "restore")), headers, utf8(VALID.get("save")));
    }

    private Malformed hugeQuery() {
        int length = random.nextBoolean() ? 1_100 + random.nextInt(5_000) : 9_000 + random.nextInt(100_000);
        return query(pick(List.of("content", "history")), "huge-query", "GET",
                pick(List.of("/files/content?path=", "/files/history?path=")) + "q".repeat(length));
    }

    private Malformed declaredBodyOverLimit() {
        String route = pick(List.of("save", "move", "restore", "members", "projects"));
        Map<String, String> headers = auth(jsonType());
        headers.put("Content-Length", String.valueOf(pick(List.of(maxBodyBytes + 1, 1L << 30, 1L << 40))));
        return json("declared-body-over-limit", route, headers, utf8("{\"content\":\"x"));
    }

    private Malformed brokenFraming() {
        Map<String, String> headers = auth(jsonType());
        byte[] body;
        if (random.nextBoolean()) {
            headers.put("Transfer-Encoding", "chunked");
            body = utf8(pick(List.of("zz\r\n{}\r\n0\r\n\r\n", "5\r\n{\"con\r\n-1\r\n", "ffffffffffffffffff\r\nx\r\n0\r\n\r\n")));
        } else {
            headers.put("Content-Length", pick(List.of("abc", "-5", "1, 2", "99999999999999999999999")));
            body = utf8("{}");
        }
        return json("broken-framing", pick(List.of("save", "move", "restore")), headers, body);
    }

    private Malformed badToken() {
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

    private Malformed unknownRoute() {
        String route = pick(List.of(base() + "/files/nothing", base() + "/nothing", "/api/nothing",
                base() + "/files/content/extra", "/api/admin/nothing", base() + "/members/bob/extra"));
        return new Malformed("unknown", "unknown-route", pick(List.of("GET", "POST")), ascii(route), auth(Map.of()),
                null);
    }

    private Malformed badIdempotencyKey() {
        Map<String, String> headers = auth(jsonType());
        headers.put("Idempotency-Key", pick(List.of("", "k".repeat(256), "with space", "caf\u00e9", "tab\there")));
        return json("bad-idempotency-key", pick(List.of("save", "move", "restore")), headers,
                utf8(VALID.get(pick(List.of("save", "move", "restore")))));
    }

    private Malformed badAdminRequest() {
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

    private Malformed query(String route, String kind, String method, String target) {
        return new Malformed(route, kind, method, ascii(base() + target), auth(Map.of()), null);
    }

    private Map<String, String> auth(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + token);
        all.putAll(headers);
        return all;
    }

    private static Map<String, String> jsonType() {
        return Map.of("Content-Type", "application/json");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
