package dev.velocity.filehistory.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL itself bounds how long a statement may run and a transaction may sit idle on every pooled connection,
 * at {@link VelocityProperties#databaseTimeout()}, so a hole in the event index always fills or disappears long
 * before {@code velocity.gap-timeout} gives up on it ({@code EventGapIT}). The bound is derived from
 * {@code velocity.transaction-timeout} here, on the pool Spring has configured, so the two never drift apart;
 * an operator's own {@code spring.datasource.hikari.connection-init-sql} (say, a {@code search_path}) runs first,
 * so it can add to these bounds but not silently lose them or be lost.
 * <p>
 * A server that stops answering altogether (paused, or cut off by a network that drops packets instead of refusing
 * them) cannot enforce any of that, and a thread reading from it would wait for TCP to give up, which takes minutes.
 * So the driver gives up too: a connection on which PostgreSQL has sent nothing for {@link #socketTimeoutSeconds}, a
 * second past the longest it lets a statement run, is closed, and its request answers 503. The second lets the
 * server's own cancellation arrive first. A statement past Spring's transaction timeout is cancelled by the driver
 * over a connection of its own, and the statement's thread waits for that cancel to be delivered: it is given
 * {@value #CANCEL_SIGNAL_TIMEOUT_SECONDS} s (the driver's default is 10), which keeps it inside the socket timeout.
 * An operator's own setting of either (in the URL or the data source properties) stands.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

    /** The PostgreSQL driver's read timeout, in whole seconds. */
    static final String SOCKET_TIMEOUT = "socketTimeout";
    /** How long the driver tries to deliver a cancel request, in whole seconds. */
    static final String CANCEL_SIGNAL_TIMEOUT = "cancelSignalTimeout";
    static final int CANCEL_SIGNAL_TIMEOUT_SECONDS = 1;

    private final ObjectProvider<VelocityProperties> properties;

    DatabaseTimeouts(ObjectProvider<VelocityProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.setConnectionInitSql(initSql(pool.getConnectionInitSql(), properties.getObject()));
            Properties driver = pool.getDataSourceProperties();
            driver.putIfAbsent(SOCKET_TIMEOUT, Long.toString(socketTimeoutSeconds(properties.getObject())));
            driver.putIfAbsent(CANCEL_SIGNAL_TIMEOUT, Integer.toString(CANCEL_SIGNAL_TIMEOUT_SECONDS));
        }
        return bean;
    }

    static String initSql(String operators, VelocityProperties settings) {
        long millis = settings.databaseTimeout().toMillis();
        String bounds = "SET idle_in_transaction_session_timeout = " + millis + "; SET statement_timeout = " + millis;
        return operators == null || operators.isBlank() ? bounds : operators.strip() + "; " + bounds;
    }

    static long socketTimeoutSeconds(VelocityProperties settings) {
        long millis = settings.databaseTimeout().toMillis();
        return (millis + 999) / 1000 + 1;
    }
}
