package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.history.chain.EventHashes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A global index is taken before its transaction commits, so readers see index n+1 while n is still a hole that
 * fills later. Axon gives up on a hole when the visible neighbour's timestamp looks older than the gap timeout
 * (AxonFramework #4829), and that timestamp is set before the commit. This test commits a later event stamped
 * two minutes in the past while an earlier one is still open: with Axon's default one-minute gap timeout the
 * earlier event is skipped for ever; with ours it must reach the read models.
 */
class EventGapIT extends RunningSystem {

    @Autowired
    EventStorageEngine storage;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventCommittedAfterALaterOneIsStillProjected() throws Exception {
        Project project = api.createProject("gaps", "alice");
        String slowFile = UUID.randomUUID().toString();
        String fastFile = UUID.randomUUID().toString();
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = appendAndHoldOpen(created(project, slowFile, "slow.txt", Instant.now()),
                mayCommit);

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                storage.appendEvents(created(project, fastFile, "fast.txt",
                        Instant.now().minus(Duration.ofMinutes(2)))));
        awaitListed(project, "fast.txt");

        mayCommit.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);

        assertThat(globalIndex(slowFile)).as("the slow event holds the lower index").isLessThan(globalIndex(fastFile));
        awaitListed(project, "slow.txt");
        assertThat(jdbc.queryForObject("SELECT position FROM file_versions WHERE file_id = ?::uuid", Long.class,
                slowFile)).as("the late event's entry keeps its own position").isEqualTo(globalIndex(slowFile));
    }

    @Test
    void theAuditStreamHoldsBackEventsAboveAHoleThatMayStillFill() throws Exception {
        Project project = api.createProject("audit-gaps", "alice");
        String slowFile = UUID.randomUUID().toString();
        String fastFile = UUID.randomUUID().toString();
        claim(project, slowFile, "slow.txt");
        claim(project, fastFile, "fast.txt");
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = appendAndHoldOpen(created(project, slowFile, "slow.txt", Instant.now()),
                mayCommit);
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                storage.appendEvents(created(project, fastFile, "fast.txt", Instant.now())));

        assertThat(auditStream(project)).as("nothing above the open hole").doesNotContain(fastFile);

        mayCommit.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);
        String stream = auditStream(project);
        assertThat(stream.indexOf(slowFile)).isNotNegative().isLessThan(stream.indexOf(fastFile));
    }

    /** Appends in a transaction that stays open until {@code mayCommit}; returns once the row is inserted. */
    private CompletableFuture<Void> appendAndHoldOpen(GenericDomainEventMessage<FileCreatedEvent> event,
                                                      CountDownLatch mayCommit) throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    storage.appendEvents(event);
                    appended.countDown();
                    await(mayCommit);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        return writer;
    }

    private String auditStream(Project project) {
        return api.get("/api/projects/" + project.id() + "/events", project.token()).body();
    }

    private void claim(Project project, String fileId, String path) {
        jdbc.update("INSERT INTO file_paths (file_id, project_id, path, live, changed_at) "
                + "VALUES (?::uuid, ?::uuid, ?, true, now())", fileId, project.id(), path);
    }

    private long globalIndex(String fileId) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, fileId);
    }

    private void awaitListed(Project project, String path) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT (SELECT count(*) FROM current_files WHERE project_id = ?::uuid "
                        + "AND path = ?) + (SELECT count(*) FROM file_versions WHERE project_id = ?::uuid AND path = ?)",
                        Long.class, project.id(), path, project.id(), path))
                        .as(path + " never reached both read models: a projection skipped a committed event")
                        .isEqualTo(2));
    }

    private static GenericDomainEventMessage<FileCreatedEvent> created(Project project, String fileId, String path,
                                                                       Instant at) {
        FileCreatedEvent payload = EventHashes.linked(new FileCreatedEvent(project.id(), fileId, path, 1, path,
                sha256(path), path.length(), null, null, "alice", null, null, null), null);
        return new GenericDomainEventMessage<>("FileAggregate", fileId, 0, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never let the slow transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
