package dev.velocity.filehistory.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.platform.testing.SettingsBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

class VelocityPropertiesTest {

    private static final SettingsBinding SETTINGS = new SettingsBinding(Enabled.class);
    private static final String ADMIN_TOKEN = "admin-token-that-must-never-be-printed";

    @EnableConfigurationProperties(VelocityProperties.class)
    static class Enabled {
    }

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        VelocityProperties settings = SETTINGS.bind(VelocityProperties.class, Map.of());

        assertThat(settings.maxContentBytes()).isEqualTo(10_485_760L);
        assertThat(settings.readWaitTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.gapTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.databaseTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.tokenCacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.adminToken()).isNull();
        assertThat(settings.rateLimit()).isEqualTo(new VelocityProperties.RateLimit(true, 50, 200));
    }

    @Test
    void environmentVariablesBindByTheirDocumentedNames() {
        VelocityProperties settings = SETTINGS.bind(VelocityProperties.class, Map.of(
                "VELOCITY_MAX_CONTENT_BYTES", "1024", "VELOCITY_READ_WAIT_TIMEOUT", "2s",
                "VELOCITY_GAP_TIMEOUT", "20m", "VELOCITY_TRANSACTION_TIMEOUT", "45s",
                "VELOCITY_TOKEN_CACHE_TTL", "0s", "VELOCITY_ADMIN_TOKEN", ADMIN_TOKEN,
                "VELOCITY_RATE_LIMIT_ENABLED", "false", "VELOCITY_RATE_LIMIT_REQUESTS_PER_SECOND", "7",
                "VELOCITY_RATE_LIMIT_BURST", "9"));

        assertThat(settings.maxContentBytes()).isEqualTo(1024L);
        assertThat(settings.readWaitTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.gapTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(settings.databaseTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.tokenCacheTtl()).isZero();
        assertThat(settings.adminToken()).isEqualTo(ADMIN_TOKEN);
        assertThat(settings.rateLimit()).isEqualTo(new VelocityProperties.RateLimit(false, 7, 9));
    }

    /** docker-compose passes an unset variable as an empty one ({@code ${VELOCITY_ADMIN_TOKEN:-}}). */
    @Test
    void anEmptyVariableMeansTheDefault() {
        VelocityProperties settings = SETTINGS.bind(VelocityProperties.class, Map.of("VELOCITY_TOKEN_CACHE_TTL", "",
                "VELOCITY_MAX_CONTENT_BYTES", "", "VELOCITY_RATE_LIMIT_BURST", "", "VELOCITY_RATE_LIMIT_ENABLED", ""));

        assertThat(settings.tokenCacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxContentBytes()).isEqualTo(10_485_760L);
        assertThat(settings.rateLimit()).isEqualTo(new VelocityProperties.RateLimit(true, 50, 200));
    }

    @Test
    void aBlankAdminTokenTurnsTheAdminRoutesOff() {
        assertThat(SETTINGS.bind(VelocityProperties.class, Map.of("VELOCITY_ADMIN_TOKEN", " ")).adminToken()).isNull();
    }

    /** Spring names the setting by its field in the record (Spring Boot's start-up report: velocity.field). */
    @ParameterizedTest
    @CsvSource({
            "VELOCITY_MAX_CONTENT_BYTES, -1, maxContentBytes",
            "VELOCITY_MAX_CONTENT_BYTES, 0, maxContentBytes",
            "VELOCITY_READ_WAIT_TIMEOUT, -5s, readWaitTimeout",
            "VELOCITY_TRANSACTION_TIMEOUT, 0s, transactionTimeout",
            "VELOCITY_TOKEN_CACHE_TTL, -1s, tokenCacheTtl",
            "VELOCITY_RATE_LIMIT_REQUESTS_PER_SECOND, 0, rateLimit.requestsPerSecond",
            "VELOCITY_RATE_LIMIT_BURST, 0, rateLimit.burst",
    })
    void aBadValueStopsTheStartUpNamingTheSetting(String variable, String value, String field) {
        String failure = SETTINGS.startupFailure(Map.of(variable, value, "VELOCITY_ADMIN_TOKEN", ADMIN_TOKEN));

        assertThat(failure).contains("Binding validation errors on velocity", "on field '" + field + "'")
                .doesNotContain(ADMIN_TOKEN);
    }

    @Test
    void theFailureSaysWhichVariableHeldTheBadValue() {
        assertThat(SETTINGS.startupFailure(Map.of("VELOCITY_MAX_CONTENT_BYTES", "-1")))
                .contains("rejected value [-1]", "origin \"VELOCITY_MAX_CONTENT_BYTES\"");
    }

    @Test
    void aRateLimitOfZeroSaysHowToTurnLimitingOff() {
        assertThat(SETTINGS.startupFailure(Map.of("VELOCITY_RATE_LIMIT_BURST", "0")))
                .contains("velocity.rate-limit.enabled=false turns limiting off");
    }

    @Test
    void theGapTimeoutMayNotDropBelowFourTransactionTimeouts() {
        assertThat(SETTINGS.startupFailure(Map.of("VELOCITY_GAP_TIMEOUT", "119s", "VELOCITY_ADMIN_TOKEN", ADMIN_TOKEN)))
                .contains("velocity.gap-timeout must be at least four times velocity.transaction-timeout")
                .doesNotContain(ADMIN_TOKEN);
        assertThat(SETTINGS.startupFailure(Map.of("VELOCITY_TRANSACTION_TIMEOUT", "3m")))
                .contains("velocity.gap-timeout must be at least four times velocity.transaction-timeout");
        assertThat(SETTINGS.bind(VelocityProperties.class, Map.of("VELOCITY_TRANSACTION_TIMEOUT", "150s"))
                .gapTimeout()).as("exactly four times").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theAdminTokenIsNeverPrinted() {
        VelocityProperties settings = SETTINGS.bind(VelocityProperties.class,
                Map.of("VELOCITY_ADMIN_TOKEN", ADMIN_TOKEN));

        assertThat(settings.toString()).doesNotContain(ADMIN_TOKEN).contains("adminToken=set");
    }

    @Test
    void everyPooledConnectionGetsTheDatabaseTimeouts() {
        VelocityProperties settings = SETTINGS.bind(VelocityProperties.class,
                Map.of("VELOCITY_TRANSACTION_TIMEOUT", "45s"));

        assertThat(DatabaseTimeouts.initSql(null, settings))
                .isEqualTo("SET idle_in_transaction_session_timeout = 90000; SET statement_timeout = 90000");
        assertThat(DatabaseTimeouts.socketTimeoutSeconds(settings)).as("a second past the statement timeout")
                .isEqualTo(91);
    }

    @Test
    void anOperatorsOwnConnectionInitSqlRunsFirstAndKeepsTheBounds() {
        VelocityProperties settings = SETTINGS.bind(VelocityProperties.class, Map.of());

        assertThat(DatabaseTimeouts.initSql("SET search_path = velocity, public ", settings))
                .isEqualTo("SET search_path = velocity, public; "
                        + "SET idle_in_transaction_session_timeout = 60000; SET statement_timeout = 60000");
    }
}
