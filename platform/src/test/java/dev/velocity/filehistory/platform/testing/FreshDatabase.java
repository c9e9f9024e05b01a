package dev.velocity.filehistory.platform.testing;

import java.util.HashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a Spring test context a database of its own ({@link TestDatabase#freshDatabase()}):
 * {@code @ContextConfiguration(initializers = FreshDatabase.class)}. Contexts that Spring's test cache shares
 * share it; a context with other settings gets another, so no two applications run projections on one database.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("fresh-test-database", new HashMap<>(TestDatabase.freshDatabase())));
    }
}
