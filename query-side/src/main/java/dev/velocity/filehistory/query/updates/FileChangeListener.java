package dev.velocity.filehistory.query.updates;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands every {@link FileChangeNotices notice} to this node's live-update subscribers, whichever query node stored
 * the entry. Listens on a connection of its own, outside the pool: it is held for the node's whole life, and a
 * pool connection that never returns would shrink what {@code ConnectionBudget} counted on. After a database
 * outage it connects again, backing off up to {@link #MAX_BACKOFF}; changes committed meanwhile are not announced
 * (a client that reconnects loads the file list first anyway).
 */
@Component
class FileChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FileChangeListener.class);
    private static final int POLL_MILLIS = 1000;
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSourceProperties database;
    private final QueryUpdateEmitter updates;
    private final ObjectMapper json;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    FileChangeListener(DataSourceProperties database, QueryUpdateEmitter updates, ObjectMapper json) {
        this.database = database;
        this.updates = updates;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listenUntilStopped, "file-changes-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        thread.interrupt();
        closeQuietly(connection);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                log.info("Listening for file changes on {}", FileChangeNotices.CHANNEL);
                backoff = FIRST_BACKOFF;
                relay(listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Live updates from other nodes paused ({}); listening again in {} ms", e.getMessage(),
                        backoff.toMillis());
            }
            if (!sleep(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private Connection connect() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("user", database.determineUsername());
        if (database.determinePassword() != null) {
            settings.setProperty("password", database.determinePassword());
        }
        settings.setProperty("ApplicationName", "velocity-file-changes");
        settings.setProperty("connectTimeout", "5");
        settings.setProperty("tcpKeepAlive", "true");
        Connection listening = DriverManager.getConnection(database.determineUrl(), settings);
        try (Statement listen = listening.createStatement()) {
            listen.execute("LISTEN " + FileChangeNotices.CHANNEL);
        } catch (SQLException e) {
            listening.close();
            throw e;
        }
        return listening;
    }

    private void relay(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + LIVENESS_CHECK.toNanos();
        while (running) {
            PGNotification[] notices = notifications.getNotifications(POLL_MILLIS);
            if (notices != null) {
                for (PGNotification notice : notices) {
                    emit(notice.getParameter());
                }
            }
            if (System.nanoTime() > nextCheck) {
                if (!listening.isValid(5)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                nextCheck = System.nanoTime() + LIVENESS_CHECK.toNanos();
            }
        }
    }

    private void emit(String payload) {
        try {
            HistoryEntryUpdate change = json.readValue(payload, HistoryEntryUpdate.class);
            updates.emit(FindHistoryEntryUpdatesQuery.class, query -> query.projectId().equals(change.projectId()), change);
        } catch (IOException e) {
            log.warn("Ignored a file-change notice that is not a file change: {}", e.getMessage());
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the listener thread sees the closed connection and ends
            }
        }
    }
}
