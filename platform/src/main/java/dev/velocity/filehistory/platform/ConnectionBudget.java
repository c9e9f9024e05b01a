package dev.velocity.filehistory.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.task.TaskExecutionProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * Counts every thread that may hold a pooled connection at the same time against the pool, and refuses to start
 * when they could take all of it. Each of these threads holds at most one connection (snapshots run on their own
 * thread, a command waits for its file before its transaction begins), so with more connections than threads no
 * thread ever waits for a connection: a burst of requests queues for request threads, never for the database.
 * <ul>
 *   <li>request threads ({@code server.tomcat.threads.max}) and the threads that stream audit and export bodies
 *   ({@code spring.task.execution.pool});</li>
 *   <li>each streaming event processor's coordinator and workers;</li>
 *   <li>single background threads: the event store's producer, the snapshotter and the read-model rebuild.</li>
 * </ul>
 * Not counted, because it is not a pool connection: the query side's live-update listener holds one connection of
 * its own for the node's life ({@code FileChangeListener}), so PostgreSQL's {@code max_connections} must allow for
 * pool size + 1 per query node.
 */
@Component
class ConnectionBudget {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);
    static final int SINGLE_BACKGROUND_THREADS = 3;

    ConnectionBudget(DataSource dataSource, ObjectProvider<ServerProperties> server,
                     ObjectProvider<TaskExecutionProperties> tasks, ObjectProvider<EventProcessorProperties> processors) {
        if (!(dataSource instanceof HikariDataSource pool)) {
            return;
        }
        int requestThreads = server.stream().mapToInt(s -> s.getTomcat().getThreads().getMax()).sum();
        int streamThreads = tasks.stream().mapToInt(ConnectionBudget::poolThreads).sum();
        int processorThreads = processors.stream().mapToInt(ConnectionBudget::processorThreads).sum();
        int users = requestThreads + streamThreads + processorThreads + SINGLE_BACKGROUND_THREADS;
        String budget = requestThreads + " request threads + " + streamThreads + " streaming threads + "
                + processorThreads + " event processor threads + " + SINGLE_BACKGROUND_THREADS
                + " background threads = " + users + " possible connection users, pool of "
                + pool.getMaximumPoolSize();
        if (users >= pool.getMaximumPoolSize()) {
            throw new IllegalStateException("Connection budget exceeded: " + budget + ". Raise VELOCITY_DB_POOL_SIZE "
                    + "above " + users + " or lower VELOCITY_HTTP_THREADS, or a burst of requests can leave a "
                    + "request waiting for a connection");
        }
        log.info("Connection budget: {}", budget);
    }

    /** A thread pool whose queue is unbounded never grows past its core size. */
    private static int poolThreads(TaskExecutionProperties properties) {
        TaskExecutionProperties.Pool pool = properties.getPool();
        return pool.getQueueCapacity() == Integer.MAX_VALUE ? pool.getCoreSize() : pool.getMaxSize();
    }

    private static int processorThreads(EventProcessorProperties properties) {
        return properties.getProcessors().values().stream().mapToInt(settings -> switch (settings.getMode()) {
            case POOLED -> 1 + settings.getThreadCount();
            case TRACKING -> settings.getThreadCount();
            default -> 0;
        }).sum();
    }
}
