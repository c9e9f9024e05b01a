package dev.velocity.filehistory.launcher;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Malformed bodies and the headers that frame them, on the routes that take JSON. */
final class MalformedBodies extends RequestDraws {

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

    MalformedBodies(Random random, String project, String token, String adminToken, long maxBodyBytes) {
        super(random, project, token, adminToken, maxBodyBytes);
    }

    Malformed badJson() {
        String route = pick(List.copyOf(new java.util.TreeSet<>(FIELDS.keySet())));
        String body = random.nextBoolean() ? pick(SHAPES) : pick(FIELDS.get(route));
        return json("bad-json", route, auth(jsonType()), utf8(body));
    }

    Malformed invalidUtf8Body() {
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

    Malformed wrongContentType() {
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

    Malformed declaredBodyOverLimit() {
        String route = pick(List.of("save", "move", "restore", "members", "projects"));
        Map<String, String> headers = auth(jsonType());
        headers.put("Content-Length", String.valueOf(pick(List.of(maxBodyBytes + 1, 1L << 30, 1L << 40))));
        return json("declared-body-over-limit", route, headers, utf8("{\"content\":\"x"));
    }

    Malformed brokenFraming() {
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

    Malformed hugeHeader() {
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

    Malformed badIdempotencyKey() {
        Map<String, String> headers = auth(jsonType());
        headers.put("Idempotency-Key", pick(List.of("", "k".repeat(256), "with space", "caf\u00e9", "tab\there")));
        return json("bad-idempotency-key", pick(List.of("save", "move", "restore")), headers,
                utf8(VALID.get(pick(List.of("save", "move", "restore")))));
    }
}
