package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.platform.testing.FreshDatabase;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settings reach the running system: PostgreSQL's own bounds on every pooled connection follow
 * {@code velocity.transaction-timeout} (EventGapIT's reasoning: the gap timeout stays far above the longest
 * transaction the database allows), and the event processors are the ones each side sets up in Java. A system of
 * its own with a transaction timeout other than the default.
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "velocity.transaction-timeout=45s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextConfiguration(initializers = FreshDatabase.class)
class SettingsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    VelocityProperties settings;

    @Autowired
    EventProcessingConfiguration processors;

    @Test
    void postgresqlEndsTransactionsAtTwiceTheTransactionTimeoutFarBelowTheGapTimeout() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("90s");
            assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class))
                    .isEqualTo("90s");
        });
        Duration databaseBound = Duration.ofMillis(jdbc.queryForObject(
                "SELECT setting::bigint FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout'",
                Long.class));
        assertThat(settings.gapTimeout()).isGreaterThanOrEqualTo(databaseBound.multipliedBy(2));
    }

    @Test
    void theReadModelsArePooledAndThePathClaimsRunInTheCommandsTransaction() {
        assertThat(processors.eventProcessor("file-read-models"))
                .hasValueSatisfying(processor -> assertThat(processor).isInstanceOf(
                        PooledStreamingEventProcessor.class));
        assertThat(processors.eventProcessor("file-paths"))
                .hasValueSatisfying(processor -> assertThat(processor).isInstanceOf(
                        SubscribingEventProcessor.class));
    }
}
