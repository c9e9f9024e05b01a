package dev.velocity.filehistory.tools.client;

import java.io.IOException;

/**
 * What the service answered: the status, the body read as {@code T} when it is a 2xx, the problem+json when it is
 * not (null if the error came without one, e.g. from a proxy), and the text as it came.
 */
public record Answer<T>(int status, T body, Problem problem, String text) {

    static <T> Answer<T> of(int status, String text, Json.Reader<T> reader) throws IOException {
        if (status / 100 == 2) {
            return new Answer<>(status, reader.read(text), null, text);
        }
        return new Answer<>(status, null, Problem.read(text), text);
    }

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The body of a 2xx answer; anything else throws, naming {@code what} was asked. */
    public T orThrow(String what) {
        if (!ok()) {
            throw new IllegalStateException(what + ": HTTP " + status + " " + abbreviated(500));
        }
        return body;
    }

    /** The text, cut to at most {@code max} characters for a message. */
    public String abbreviated(int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
