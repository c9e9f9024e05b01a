package dev.velocity.filehistory.tools.client;

import com.fasterxml.jackson.core.JsonProcessingException;

/** An application/problem+json answer; {@code currentVersion} is set on a 409 version conflict. */
public record Problem(String title, Integer status, String detail, Integer currentVersion) {

    /** The problem in an error answer's text, or null if the text is not one. */
    static Problem read(String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(text, Problem.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
