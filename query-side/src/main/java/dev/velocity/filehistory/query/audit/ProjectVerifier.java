package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.query.readmodel.CatchUpWait;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies a project from its events alone: every file's events are replayed in one pass over the event store
 * ({@link FileAudit}), and every read-model row must equal what that replay writes ({@link ReadModelCheck}); the
 * project's own stream, when it has one, is checked too ({@link ProjectStreamAudit}) and joins the head.
 * It first waits until the read models have handled every event stored when the request came, then reads events
 * and read models in one repeatable-read snapshot, so a save running meanwhile cannot make them disagree.
 */
@Service
class ProjectVerifier {

    /** Beyond this many, problems are counted, not listed: a badly damaged store must not exhaust memory. */
    static final int LISTED_PROBLEMS = 1000;

    private final CatchUpWait catchUp;
    private final ProjectEvents events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ProjectVerifier(CatchUpWait catchUp, ProjectEvents events, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions) {
        this.catchUp = catchUp;
        this.events = events;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    Verification verify(UUID projectId) {
        long requestHead = catchUp.awaitEventStoreHead();
        return snapshot.execute(status -> new Run(projectId, requestHead).verify());
    }

    /** One verification: the file being replayed, and what the files before it left. */
    private final class Run implements Consumer<StoredEvent> {

        private final UUID projectId;
        private final long requestHead;
        private final List<Problem> problems = new ArrayList<>();
        private final ReadModelCheck readModels;
        private final SortedMap<String, String> newestHashes = new TreeMap<>();
        private long unlisted;
        private long eventCount;
        private FileAudit file;
        private ProjectStreamAudit projectStream;

        Run(UUID projectId, long requestHead) {
            this.projectId = projectId;
            this.requestHead = requestHead;
            this.readModels = new ReadModelCheck(jdbc, this::report);
        }

        Verification verify() {
            events.forEach(projectId, this);
            finishFile();
            readModels.unknownFiles(projectId, newestHashes.keySet());
            if (unlisted > 0) {
                problems.add(new Problem(null, null, null, unlisted + " more problems are not listed"));
            }
            SortedMap<String, String> streamHeads = new TreeMap<>(newestHashes);
            if (projectStream != null) {
                streamHeads.put(projectId.toString(), projectStream.newestHash());
            }
            return new Verification(problems.isEmpty(), newestHashes.size(), eventCount,
                    projectStream == null ? 0 : projectStream.events(), EventHashes.head(streamHeads),
                    List.copyOf(problems));
        }

        /** Streams come one after the other: the project's own (its id is the project's) and each file's. */
        @Override
        public void accept(StoredEvent event) {
            if (event.aggregateId().equals(projectId.toString())) {
                finishFile();
                if (projectStream == null) {
                    projectStream = new ProjectStreamAudit(projectId.toString(), this::report);
                }
                projectStream.accept(event);
                return;
            }
            if (file == null || !file.fileId().equals(event.aggregateId())) {
                finishFile();
                file = new FileAudit(projectId.toString(), event.aggregateId(), this::report);
            }
            file.accept(event, requestHead);
            eventCount++;
        }

        private void finishFile() {
            if (file != null) {
                readModels.compare(file.fileId(), file.path(), file.replay());
                newestHashes.put(file.fileId(), file.newestHash());
                file = null;
            }
        }

        private void report(Problem problem) {
            if (problems.size() < LISTED_PROBLEMS) {
                problems.add(problem);
            } else {
                unlisted++;
            }
        }
    }
}
