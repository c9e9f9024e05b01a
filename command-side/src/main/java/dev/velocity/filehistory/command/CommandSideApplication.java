package dev.velocity.filehistory.command;

import dev.velocity.filehistory.history.HistoryCoreConfiguration;
import dev.velocity.filehistory.platform.Offline;
import dev.velocity.filehistory.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The write side on its own: the command API, the file aggregates and the path claims. */
@SpringBootApplication
@Import({PlatformConfiguration.class, HistoryCoreConfiguration.class})
public class CommandSideApplication {

    public static void main(String[] args) {
        Offline.disableUpdateChecks();
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
