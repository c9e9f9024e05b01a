package dev.velocity.filehistory.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

class PlatformDefaultsTest {

    @Test
    void theEnvironmentNamesOperatorsUseSetSpringsSettings() {
        Binder settings = environment(Map.of("PORT", "18622", "VELOCITY_DB_POOL_SIZE", "40",
                "VELOCITY_DB_CONNECTION_TIMEOUT_MS", "2500", "VELOCITY_HTTP_THREADS", "8",
                "VELOCITY_STREAM_THREADS", "3", "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/velocity"));

        assertThat(settings.bind("server.port", Integer.class).get()).isEqualTo(18622);
        assertThat(settings.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).get()).isEqualTo(40);
        assertThat(settings.bind("spring.datasource.hikari.connection-timeout", Long.class).get()).isEqualTo(2500);
        assertThat(settings.bind("server.tomcat.threads.max", Integer.class).get()).isEqualTo(8);
        assertThat(settings.bind("spring.task.execution.pool.core-size", Integer.class).get()).isEqualTo(3);
        assertThat(settings.bind("spring.datasource.url", String.class).get())
                .isEqualTo("jdbc:postgresql://db:5432/velocity");
    }

    @Test
    void unsetTheyKeepTheirDocumentedDefaults() {
        Binder settings = environment(Map.of());

        assertThat(settings.bind("server.port", Integer.class).get()).isEqualTo(8080);
        assertThat(settings.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).get()).isEqualTo(24);
        assertThat(settings.bind("spring.datasource.hikari.connection-timeout", Long.class).get()).isEqualTo(1000);
        assertThat(settings.bind("server.tomcat.threads.max", Integer.class).get()).isEqualTo(16);
        assertThat(settings.bind("spring.task.execution.pool.core-size", Integer.class).get()).isEqualTo(2);
        assertThat(settings.bind("spring.datasource.url", String.class).get())
                .isEqualTo("jdbc:postgresql://localhost:5432/velocity");
    }

    @Test
    void textAnswersAreCompressedButNotLiveUpdates() {
        Binder settings = environment(Map.of());

        assertThat(settings.bind("server.compression.enabled", Boolean.class).get()).isTrue();
        assertThat(settings.bind("server.compression.mime-types", String[].class).get())
                .contains("application/json", "application/x-ndjson", "text/x-diff", "text/javascript", "text/css")
                .doesNotContain("text/event-stream");
    }

    @Test
    void springsOwnNameStillWins() {
        Binder settings = environment(Map.of("VELOCITY_HTTP_THREADS", "8", "SERVER_TOMCAT_THREADS_MAX", "5"));

        assertThat(settings.bind("server.tomcat.threads.max", Integer.class).get()).isEqualTo(5);
    }

    @Test
    void everyApplicationWithThePlatformLoadsThem() {
        // Spring Boot's own post-processors take constructor arguments; skipped here, they are not under test.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                ArgumentResolver.none(), FailureHandler.logging(LogFactory.getLog(PlatformDefaultsTest.class))))
                .anyMatch(PlatformDefaults.class::isInstance);
    }

    private static Binder environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
                variables));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment);
    }
}
