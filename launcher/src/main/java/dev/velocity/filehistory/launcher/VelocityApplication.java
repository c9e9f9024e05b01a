package dev.velocity.filehistory.launcher;

import dev.velocity.filehistory.command.CommandSideApplication;
import dev.velocity.filehistory.history.HistoryCoreConfiguration;
import dev.velocity.filehistory.platform.Offline;
import dev.velocity.filehistory.platform.PlatformConfiguration;
import dev.velocity.filehistory.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The whole system in one process on one port: the command side, the query side and the editor, with an
 * embedded PostgreSQL in {@code VELOCITY_DATA_DIR} unless {@code SPRING_DATASOURCE_URL} names a database. The editor's
 * files are served as {@link EditorPage} says.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, HistoryCoreConfiguration.class, EditorPage.class})
@ComponentScan(basePackageClasses = {CommandSideApplication.class, QuerySideApplication.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class VelocityApplication {

    public static void main(String[] args) {
        Offline.disableUpdateChecks();
        EmbeddedDatabase database = EmbeddedDatabase.startUnlessConfigured();
        SpringApplication application = new SpringApplication(VelocityApplication.class);
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            database.close();
        }, "velocity-shutdown"));
        String port = context.getEnvironment().getProperty("local.server.port");
        System.out.println();
        System.out.println("Velocity file history is running: open http://localhost:" + port + "/");
        System.out.println("API docs: http://localhost:" + port + "/api-docs/ui   Stop with Ctrl-C.");
    }
}
