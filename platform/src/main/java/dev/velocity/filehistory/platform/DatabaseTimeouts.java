package dev.velocity.filehistory.platform;

import com.zaxxer.hikari.HikariDataSource;
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
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

    private final ObjectProvider<VelocityProperties> properties;

    DatabaseTimeouts(ObjectProvider<VelocityProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.setConnectionInitSql(initSql(pool.getConnectionInitSql(), properties.getObject()));
        }
        return bean;
    }

    static String initSql(String operators, VelocityProperties settings) {
        long millis = settings.databaseTimeout().toMillis();
        String bounds = "SET idle_in_transaction_session_timeout = " + millis + "; SET statement_timeout = " + millis;
        return operators == null || operators.isBlank() ? bounds : operators.strip() + "; " + bounds;
    }
}
