package dev.velocity.filehistory.query.readmodel;

import static org.awaitility.Awaitility.await;

import dev.velocity.filehistory.platform.testing.FreshDatabase;
import dev.velocity.filehistory.query.QuerySideApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query side on its own, on a real PostgreSQL migrated as it migrates itself. Events are stored as the command
 * side stores them, and the read-model processor projects them in its batches, as in production; a test can also
 * hand a stored event to the projections once more, as a redelivery or a replay would.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDatabase.class)
abstract class ReadModelsOnPostgres {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CurrentFileProjection currentFiles;

    @Autowired
    FileHistoryProjection fileHistory;

    @Autowired
    FileProjectsProjection fileProjects;

    static String newProject() {
        return UUID.randomUUID().toString();
    }

    /**
     * A file created and deleted at {@code a.txt} by alice, then a new file created at that path by bob, an hour
     * later; both projected. Returns the two files, the deleted one first.
     */
    List<FileStream> aDeletedFileAndANewOneAtItsPath() {
        String project = newProject();
        FileStream old = new FileStream(project, FileStream.START);
        store(old.created("a.txt", "old", null, "alice"));
        store(old.deleted(FileStream.hash("old"), 3, "alice"));
        FileStream replacement = new FileStream(project, FileStream.START.plusSeconds(3600));
        store(replacement.created("a.txt", "new", null, "bob"));
        awaitProjected(old, 2);
        awaitProjected(replacement, 1);
        return List.of(old, replacement);
    }

    /** Stores the events in one transaction, as one command does. */
    void store(DomainEventMessage<?>... events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(events));
    }

    /** Hands the stored event to every projection once more, outside the processor. */
    void deliverAgain(DomainEventMessage<?> event) {
        DomainEventMessage<?> stored = storage.readEvents(event.getAggregateIdentifier())
                .asStream().filter(e -> e.getSequenceNumber() == event.getSequenceNumber()).findFirst().orElseThrow();
        for (Object projection : List.of(currentFiles, fileHistory, fileProjects)) {
            try {
                new AnnotationEventHandlerAdapter(projection).handle(stored);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The position of the stored event in the audit stream: its global index. */
    long positionOf(DomainEventMessage<?> event) {
        return storage.readEvents(null, false)
                .filter(e -> e instanceof DomainEventMessage<?> d
                        && d.getAggregateIdentifier().equals(event.getAggregateIdentifier())
                        && d.getSequenceNumber() == event.getSequenceNumber())
                .map(TrackedEventMessage::trackingToken).findFirst().orElseThrow()
                .position().orElseThrow();
    }

    Map<String, Object> currentRow(FileStream file) {
        return jdbc.queryForMap("SELECT * FROM current_files WHERE file_id = ?::uuid", file.fileId);
    }

    List<Map<String, Object>> historyRows(FileStream file) {
        return jdbc.queryForList("SELECT * FROM file_versions WHERE file_id = ?::uuid ORDER BY version", file.fileId);
    }

    /** Waits until the processor has projected the file's event of {@code version} into both read models. */
    void awaitProjected(FileStream file, int version) {
        Predicate<Integer> reached = v -> v != null && v == version;
        await().atMost(PROJECTED_WITHIN).until(() -> jdbc.queryForObject(
                "SELECT max(version) FROM file_versions WHERE file_id = ?::uuid", Integer.class, file.fileId), reached::test);
        await().atMost(PROJECTED_WITHIN).until(() -> jdbc.queryForObject(
                "SELECT max(version) FROM current_files WHERE file_id = ?::uuid", Integer.class, file.fileId), reached::test);
    }
}
