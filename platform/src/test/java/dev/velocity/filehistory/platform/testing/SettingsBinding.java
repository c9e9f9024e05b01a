package dev.velocity.filehistory.platform.testing;

import java.util.Map;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Starts a context that binds {@code @ConfigurationProperties} records as an application does at start-up (Spring's
 * binder and validation), from environment variables such as {@code VELOCITY_GAP_TIMEOUT}, so a test sees what an
 * operator sees.
 *
 * @param configuration a configuration class enabling the records under test
 */
public record SettingsBinding(Class<?> configuration) {

    /** The bound record; fails the test if the start-up fails. */
    public <T> T bind(Class<T> settings, Map<String, String> environment) {
        Object[] bound = new Object[1];
        runner(environment).run(context -> {
            if (context.getStartupFailure() != null) {
                throw new AssertionError("the start-up failed", context.getStartupFailure());
            }
            bound[0] = context.getBean(settings);
        });
        return settings.cast(bound[0]);
    }

    /** The messages of the failed start-up and all its causes, as an operator reads them in the log. */
    public String startupFailure(Map<String, String> environment) {
        StringBuilder messages = new StringBuilder();
        runner(environment).run(context -> {
            for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
                messages.append(cause).append('\n');
            }
        });
        if (messages.isEmpty()) {
            throw new AssertionError("the start-up did not fail with " + environment.keySet());
        }
        return messages.toString();
    }

    private ApplicationContextRunner runner(Map<String, String> environment) {
        // Spring maps VELOCITY_RATE_LIMIT_BURST to velocity.rate-limit.burst only in a source named like this one.
        SystemEnvironmentPropertySource variables = new SystemEnvironmentPropertySource("test-systemEnvironment",
                Map.copyOf(environment));
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(variables))
                .withUserConfiguration(configuration);
    }
}
