package dev.velocity.filehistory.history.chain;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an event (docs/audit.md): RFC 8785 (JSON Canonicalization Scheme) of a JSON object with
 * the event's type name under {@code "type"} and every field but {@code eventHash} and those its
 * {@link CanonicalForm} leaves out; a field whose value is null is left out. Our events hold only strings,
 * integers, lists and records, so JCS comes down to: keys sorted, no whitespace, strings with the minimal escapes,
 * integers in decimal, UTF-8.
 */
final class CanonicalJson {

    static final String EVENT_HASH = "eventHash";
    static final String PREVIOUS_HASH = "previousHash";
    private static final String TYPE = "type";

    private CanonicalJson() {
    }

    /** Writes the event's canonical form, with {@code previousHash} in place of the one the event carries. */
    static void write(Record event, String previousHash, CanonicalForm form, Writer out) throws IOException {
        Map<String, Object> fields = fieldsOf(event);
        fields.remove(EVENT_HASH);
        fields.remove(PREVIOUS_HASH);
        fields.keySet().removeAll(form.leftOut());
        if (previousHash != null) {
            fields.put(PREVIOUS_HASH, previousHash);
        }
        if (fields.put(TYPE, event.getClass().getSimpleName()) != null) {
            throw new IllegalArgumentException("An event field may not be called " + TYPE);
        }
        writeObject(fields, out);
    }

    private static Map<String, Object> fieldsOf(Record value) {
        Map<String, Object> fields = new TreeMap<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                Object field = component.getAccessor().invoke(value);
                if (field != null) {
                    fields.put(component.getName(), field);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
        return fields;
    }

    private static void writeObject(Map<String, Object> sortedFields, Writer out) throws IOException {
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : sortedFields.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            writeString(field.getKey(), out);
            out.write(':');
            writeValue(field.getValue(), out);
        }
        out.write('}');
    }

    /** Writes any value our events hold (a string, an integer, a list, a record) in canonical form. */
    static void writeValue(Object value, Writer out) throws IOException {
        if (value == null) {
            out.write("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.write(value.toString());
        } else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeValue(list.get(i), out);
            }
            out.write(']');
        } else if (value instanceof Record record) {
            writeObject(fieldsOf(record), out);
        } else {
            throw new IllegalArgumentException("No canonical form for a " + value.getClass().getName());
        }
    }

    /** Writes runs of characters that need no escape in one call each: a text may be megabytes long. */
    private static void writeString(String text, Writer out) throws IOException {
        out.write('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            String escape = escape(text.charAt(i));
            if (escape != null) {
                out.write(text, run, i - run);
                out.write(escape);
                run = i + 1;
            }
        }
        out.write(text, run, text.length() - run);
        out.write('"');
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
