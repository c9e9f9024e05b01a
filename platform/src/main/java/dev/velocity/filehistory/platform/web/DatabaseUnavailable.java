package dev.velocity.filehistory.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that passes when the database is reachable again (down, restarting, refusing, dropping or not
 * answering connections, no connection free within Hikari's timeout, a statement past its timeout) from a bug. Spring, Axon and the driver each wrap it
 * their own way (Axon's {@code JdbcException} and {@code EventStoreException} keep the bare {@link SQLException}),
 * so the whole cause chain is searched. Such a request stored nothing that was acknowledged: 503, retry.
 */
public final class DatabaseUnavailable {

    /** About how long PostgreSQL takes to restart; the editor retries after it. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final int MAX_CAUSES = 20;

    private DatabaseUnavailable() {
    }

    public static boolean isCauseOf(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (isUnavailable(cause)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    public static ApiProblem problem() {
        return ApiProblem.unavailable("database-unavailable", "Database unavailable",
                "The database cannot be reached right now; nothing was acknowledged, so send the request again "
                        + "after the Retry-After delay.", RETRY_AFTER_SECONDS);
    }

    private static boolean isUnavailable(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof ConnectException
                || cause instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isBrokenByPool(sql));
    }

    /**
     * Hikari swaps a connection it found broken (SQLState 08...) for a closed one; the next call on it fails with
     * this SQLState-less message.
     */
    private static boolean isBrokenByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQLState class 08 is a connection failure; 57P01-57P03 are PostgreSQL terminating the connection or not yet
     * accepting connections (a restarting server, {@code pg_terminate_backend}), 57P05 its idle-session timeout.
     * The database also ends work that ran past a bound set on every pooled connection ({@code DatabaseTimeouts}):
     * 57014 is a statement cancelled (its {@code statement_timeout}), 25P03 a connection ended because its
     * transaction sat idle too long (what a paused server finds when it resumes). Each rolled the transaction back.
     */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0")
                || sqlState.equals("57014") || sqlState.equals("25P03"));
    }
}
