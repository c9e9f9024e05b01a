package dev.velocity.filehistory.tools.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which state a read asks for: the current one, a version, once a version is readable, or at an instant. */
public record Read(String parameter, String value) {

    public static Read current() {
        return new Read(null, null);
    }

    public static Read version(int version) {
        return new Read("version", Integer.toString(version));
    }

    /** Waits (bounded by the service, 503 after) until the read model shows at least this version. */
    public static Read minVersion(int version) {
        return new Read("minVersion", Integer.toString(version));
    }

    /** As the project stood at an ISO-8601 instant. */
    public static Read at(String instant) {
        return new Read("at", instant);
    }

    /** {@code &parameter=value}, or nothing for the current state. */
    String query() {
        return parameter == null ? "" : "&" + parameter + "=" + encode(value);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
