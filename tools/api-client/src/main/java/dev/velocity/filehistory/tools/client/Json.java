package dev.velocity.filehistory.tools.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** The one Jackson mapper of the tools: answers may carry fields the tools do not read. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    /** Reads an answer's body into what a call returns. */
    interface Reader<T> {
        T read(String text) throws IOException;
    }

    static <T> Reader<T> reader(Class<T> type) {
        return text -> MAPPER.readValue(text, type);
    }

    static <T> Reader<T> reader(TypeReference<T> type) {
        return text -> MAPPER.readValue(text, type);
    }

    static String object(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
