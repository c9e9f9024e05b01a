package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.platform.eventstore.EventTable;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds both read models from the event store: stops the read-model processor, resets its tokens (the
 * projections' reset handlers empty the tables) and starts it again, which replays every stored event. Saves go on
 * meanwhile (the command side never reads a read model); read-model queries answer "behind" until the replay has
 * reached the events stored when the rebuild began. Progress is logged every few seconds.
 * <p>
 * The tokens are shared by every node running the processor: with several query nodes, stop the others first.
 */
@Service
class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    /** What the admin route shows; done and total count stored events. */
    record Progress(boolean running, long done, long total, double eventsPerSecond, Long etaSeconds, String error) {

        static final Progress NEVER_RAN = new Progress(false, 0, 0, 0, null, null);
    }

    private record Target(long events, long position) {
    }

    private final ProjectionProgress tracker;
    private final EventTable events;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Progress progress = Progress.NEVER_RAN;

    ReadModelRebuild(ProjectionProgress tracker, EventTable events) {
        this.tracker = tracker;
        this.events = events;
    }

    /** Starts a rebuild unless one is running; false if one is. */
    synchronized boolean start() {
        if (progress.running()) {
            return false;
        }
        EventTable.Stored stored = events.stored();
        Target target = new Target(stored.events(), stored.newestPosition());
        progress = new Progress(true, 0, target.events(), 0, null, null);
        worker.execute(() -> rebuild(target));
        return true;
    }

    boolean running() {
        return progress.running();
    }

    Progress progress() {
        return progress;
    }

    private void rebuild(Target target) {
        StreamingEventProcessor processor = tracker.processor();
        log.info("Rebuilding the read models from {} stored events", target.events());
        try {
            processor.shutdownAsync().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            processor.resetTokens();
        } catch (Exception e) {
            log.error("The read models could not be reset; the processor goes on from where it was", e);
            progress = new Progress(false, 0, target.events(), 0, null, "The reset failed: " + e.getMessage());
            return;
        } finally {
            processor.start();
        }
        new Watch(target, System.nanoTime()).begin();
    }

    /** Polls the processor's position until it has replayed the target, publishing and logging progress. */
    private final class Watch implements Runnable {

        private final Target target;
        private final long startedNanos;
        private long loggedNanos;
        private ScheduledFuture<?> schedule;

        Watch(Target target, long startedNanos) {
            this.target = target;
            this.startedNanos = startedNanos;
            this.loggedNanos = startedNanos;
        }

        void begin() {
            schedule = worker.scheduleWithFixedDelay(this, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            try {
                boolean finished = target.position() == 0
                        || tracker.handledThrough(target.position()) && !tracker.replaying();
                long done = finished ? target.events() : eventsDone();
                double seconds = Math.max((System.nanoTime() - startedNanos) / 1e9, 0.001);
                double rate = done / seconds;
                Long eta = rate > 0 ? Math.round((target.events() - done) / rate) : null;
                progress = new Progress(!finished, done, target.events(), Math.round(rate * 10) / 10.0,
                        finished ? Long.valueOf(0) : eta, null);
                if (finished) {
                    log.info("Read models rebuilt: {} events in {} s", done, Math.round(seconds * 10) / 10.0);
                    schedule.cancel(false);
                } else if (System.nanoTime() - loggedNanos >= LOG_EVERY.toNanos()) {
                    loggedNanos = System.nanoTime();
                    log.info("Rebuilding the read models: {}/{} events, {} events/s, about {} s left",
                            done, target.events(), Math.round(rate), eta == null ? "?" : eta);
                }
            } catch (RuntimeException e) {
                log.warn("Could not read the rebuild's progress; trying again", e);
            }
        }

        private long eventsDone() {
            OptionalLong position = tracker.position();
            if (position.isEmpty() || position.getAsLong() <= 0) {
                return 0;
            }
            return events.countThrough(Math.min(position.getAsLong(), target.position()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
