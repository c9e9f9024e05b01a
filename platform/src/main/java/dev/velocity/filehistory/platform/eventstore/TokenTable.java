package dev.velocity.filehistory.platform.eventstore;

import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads Axon's token table ({@code tokenentry}) as every node shares it, so a node can tell how far a processor has
 * come also when it owns none of the processor's segments. No other class names the table.
 */
@Component
public class TokenTable {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    TokenTable(JdbcTemplate jdbc, Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    /**
     * The token of each stored segment of the processor, as the token store wrote it (with its own serializer);
     * null for a segment that has no token yet.
     */
    public List<TrackingToken> tokensOf(String processorName) {
        return jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (row, n) -> token(row.getBytes(1), row.getString(2)), processorName);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
