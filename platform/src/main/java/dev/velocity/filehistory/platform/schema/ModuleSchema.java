package dev.velocity.filehistory.platform.schema;

/**
 * The tables one module owns: its Flyway migrations in {@code classpath:db/<name>}, recorded in a history table of
 * its own ({@code <name>_schema_history}), so a module's scripts are versioned apart from the other modules'.
 * Each runnable application declares the modules it contains as beans; {@link ModuleMigrations} runs them in
 * {@code order}, the platform's first.
 */
public record ModuleSchema(int order, String name) {

    public ModuleSchema {
        if (!name.matches("[a-z]+")) {
            throw new IllegalArgumentException("A module's schema name is lower-case letters only: " + name);
        }
    }

    String location() {
        return "classpath:db/" + name;
    }

    String historyTable() {
        return name + "_schema_history";
    }
}
