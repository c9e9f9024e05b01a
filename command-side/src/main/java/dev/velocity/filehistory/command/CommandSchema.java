package dev.velocity.filehistory.command;

import dev.velocity.filehistory.platform.schema.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's own tables (path claims, idempotency keys): migrations in db/command, after the platform's. */
@Configuration
class CommandSchema {

    @Bean
    ModuleSchema commandModuleSchema() {
        return new ModuleSchema(2, "command");
    }
}
