package dev.velocity.filehistory.query;

import dev.velocity.filehistory.platform.schema.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side's own tables (the read models): migrations in db/query, after the platform's. */
@Configuration
class QuerySchema {

    @Bean
    ModuleSchema queryModuleSchema() {
        return new ModuleSchema(3, "query");
    }
}
