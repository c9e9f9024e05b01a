package dev.velocity.filehistory.query.updates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every query node of a stored history entry through PostgreSQL: a {@code NOTIFY} on
 * {@value #CHANNEL} sent in the projection's own transaction, so it is delivered only once the entry is committed,
 * and in commit order. Each node's {@link FileChangeListener} passes it on to its live-update subscribers, also
 * on the node that ran the projection. One statement per event batch, sent as the batch commits.
 */
@Component
public class FileChangeNotices {

    static final String CHANNEL = "velocity_file_changes";
    /** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;

    private static final Logger log = LoggerFactory.getLogger(FileChangeNotices.class);
    private static final String PENDING = FileChangeNotices.class.getName();
    private static final String NOTIFY =
            "SELECT pg_notify('" + CHANNEL + "', payload) FROM unnest(?::text[]) AS payload";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FileChangeNotices(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Announces the change when the current event batch commits (at once outside of one). */
    public void announce(HistoryEntryUpdate change) {
        String payload = payload(change);
        if (payload == null) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(payload));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<String> pending = batch.getOrComputeResource(PENDING, key -> {
            List<String> payloads = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> send(payloads));
            return payloads;
        });
        pending.add(payload);
    }

    private String payload(HistoryEntryUpdate change) {
        try {
            String payload = json.writeValueAsString(change);
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                log.warn("Live update for version {} of file {} not sent: larger than a NOTIFY may carry",
                        change.version(), change.fileId());
                return null;
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a live update", e);
        }
    }

    private void send(List<String> payloads) {
        if (!payloads.isEmpty()) {
            jdbc.query(NOTIFY, row -> { }, (Object) payloads.toArray(String[]::new));
        }
    }
}
