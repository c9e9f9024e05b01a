package dev.velocity.filehistory.launcher;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the generators of malformed requests draw from: one seeded random, shared so that a seed always gives the
 * same requests, the project and its tokens, and request parts that every kind of break uses.
 */
abstract class RequestDraws {

    /** Bodies that would be valid on their route, but could only conflict if they ever ran. */
    static final Map<String, String> VALID = Map.of(
            "save", "{\"content\":\"never\",\"expectedVersion\":0}",
            "move", "{\"from\":\"a.txt\",\"to\":\"never.txt\",\"expectedVersion\":1}",
            "restore", "{\"path\":\"a.txt\",\"version\":1,\"expectedVersion\":1}",
            "members", "{\"user\":\"never\"}",
            "projects", "{\"name\":\"never\",\"user\":\"never\"}");

    static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xC3});

    final Random random;
    final String project;
    final String token;
    final String adminToken;
    final long maxBodyBytes;

    RequestDraws(Random random, String project, String token, String adminToken, long maxBodyBytes) {
        this.random = random;
        this.project = project;
        this.token = token;
        this.adminToken = adminToken;
        this.maxBodyBytes = maxBodyBytes;
    }

    String base() {
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

    Malformed json(String kind, String route, Map<String, String> headers, byte[] body) {
        return new Malformed(route, kind, jsonMethod(route), ascii(jsonRoute(route)), headers, body);
    }

    Malformed query(String route, String kind, String method, String target) {
        return new Malformed(route, kind, method, ascii(base() + target), auth(Map.of()), null);
    }

    Map<String, String> auth(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + token);
        all.putAll(headers);
        return all;
    }

    static Map<String, String> jsonType() {
        return Map.of("Content-Type", "application/json");
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
