package dev.velocity.filehistory.query;

import dev.velocity.filehistory.history.HistoryCoreConfiguration;
import dev.velocity.filehistory.platform.Offline;
import dev.velocity.filehistory.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The read side on its own: projections into the read models and the query API. */
@SpringBootApplication
@Import({PlatformConfiguration.class, HistoryCoreConfiguration.class})
public class QuerySideApplication {

    public static void main(String[] args) {
        Offline.disableUpdateChecks();
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
