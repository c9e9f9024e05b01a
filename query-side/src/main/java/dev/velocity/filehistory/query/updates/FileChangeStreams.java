package dev.velocity.filehistory.query.updates;

import dev.velocity.filehistory.platform.auth.Credential;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

/**
 * Live-update streams: one {@code file-changed} server-sent event per history entry of the project, fed by an Axon
 * subscription query that the history projection emits to once an entry is stored. A comment line every 15 s
 * keeps proxies from closing an idle stream and detects clients that went away. Every 2 s the stream's token is
 * resolved again, and the stream ends once it is revoked: a removed member stops hearing about the project within
 * seconds (plus {@code velocity.token-cache-ttl} when revoked on another node), and the reconnect gets 401.
 */
@Component
class FileChangeStreams {

    private static final Logger log = LoggerFactory.getLogger(FileChangeStreams.class);

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration TOKEN_CHECK = Duration.ofSeconds(2);

    private final QueryGateway queries;
    private final ScheduledExecutorService heartbeats = daemonScheduler("sse-heartbeat");
    /** Apart from the heartbeats, so a slow database delays only the token checks. */
    private final ScheduledExecutorService tokenChecks = daemonScheduler("sse-token-check");

    /** Open streams, so shutting down ends them instead of waiting out the graceful-shutdown timeout. */
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    FileChangeStreams(QueryGateway queries) {
        this.queries = queries;
    }

    /** What a {@code file-changed} event carries. */
    record FileChangedView(String path, String fileId, int version, String kind, String contentHash, String by,
                           Instant at) {
    }

    /** The stream starts empty: a client loads the file list first, then follows the changes. */
    @QueryHandler
    List<HistoryEntryUpdate> handle(FindHistoryEntryUpdatesQuery query) {
        return List.of();
    }

    SseEmitter open(UUID projectId, Credential credential) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        SubscriptionQueryResult<List<HistoryEntryUpdate>, HistoryEntryUpdate> subscription = queries.subscriptionQuery(
                new FindHistoryEntryUpdatesQuery(projectId.toString()),
                ResponseTypes.multipleInstancesOf(HistoryEntryUpdate.class),
                ResponseTypes.instanceOf(HistoryEntryUpdate.class));
        Disposable forwarding = subscription.updates().subscribe(change -> send(emitter, change),
                emitter::completeWithError, emitter::complete);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> tokenCheck = tokenChecks.scheduleWithFixedDelay(() -> endIfRevoked(emitter, credential),
                TOKEN_CHECK.toMillis(), TOKEN_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        open.add(emitter);
        Runnable close = () -> {
            open.remove(emitter);
            heartbeat.cancel(false);
            tokenCheck.cancel(false);
            forwarding.dispose();
            subscription.close();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        emitter.send(SseEmitter.event().comment("subscribed"));
        return emitter;
    }

    /** A client's EventSource reconnects by itself, to this node once it is back or to another one. */
    @EventListener(ContextClosedEvent.class)
    void endStreamsOnShutdown() {
        open.forEach(SseEmitter::complete);
    }

    private static void endIfRevoked(SseEmitter emitter, Credential credential) {
        try {
            if (!credential.stillValid()) {
                emitter.complete();
            }
        } catch (RuntimeException e) {
            log.debug("Could not check a stream's token; checking again in {}", TOKEN_CHECK, e);
        }
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void send(SseEmitter emitter, HistoryEntryUpdate change) {
        try {
            emitter.send(SseEmitter.event()
                    .name("file-changed")
                    .id(change.fileId() + ":" + change.version())
                    .data(new FileChangedView(change.path(), change.fileId(), change.version(), change.kind().name(),
                            change.contentHash(), change.by(), change.at()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }
}
