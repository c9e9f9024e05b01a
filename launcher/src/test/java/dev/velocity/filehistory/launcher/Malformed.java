package dev.velocity.filehistory.launcher;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request that breaks a rule of api.md, as raw bytes, named by its route and the kind of break. */
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
