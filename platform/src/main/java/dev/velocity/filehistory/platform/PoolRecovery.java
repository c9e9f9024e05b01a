package dev.velocity.filehistory.platform;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * When PostgreSQL has ended one pooled connection (a restart, a failover, a pooler or proxy that restarted,
 * {@code pg_terminate_backend}), it has usually ended the others with it. Hikari finds a dead connection only when it
 * is used, and does not check one on loan that was used within the last half second, so each busy connection would
 * fail one request in turn. So the first connection found ended retires the whole pool: the idle connections are
 * replaced at once, those in use when they are returned (Hikari's soft eviction), and later requests get live ones.
 */
@Component
class PoolRecovery implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.setExceptionOverride(new RetireThePoolWhenAConnectionEnded(pool));
        }
        return bean;
    }

    private record RetireThePoolWhenAConnectionEnded(HikariDataSource pool) implements SQLExceptionOverride {

        @java.lang.Override
        public Override adjudicate(SQLException e) {
            if (!connectionEnded(e.getSQLState())) {
                return Override.CONTINUE_EVICT;
            }
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            return Override.MUST_EVICT;
        }

        /**
         * Class 08 is a broken connection; 57P01-57P03 the server ending it (shutdown, termination); 25P03 and 57P05
         * its idle-in-transaction and idle-session timeouts, which end the connection too.
         */
        private static boolean connectionEnded(String sqlState) {
            return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0")
                    || sqlState.equals("25P03"));
        }
    }
}
