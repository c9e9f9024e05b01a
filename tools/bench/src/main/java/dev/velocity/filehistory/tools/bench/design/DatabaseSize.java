package dev.velocity.filehistory.tools.bench.design;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The bytes a design's database holds, for the storage section. */
final class DatabaseSize {

    private DatabaseSize() {}

    /**
     * [VACUUM FULL of the tables the bench user owns (all of the design's),] CHECKPOINT, then {sum of
     * pg_total_relation_size over the user tables and materialized views (heap, TOAST, indexes), pg_database_size}.
     */
    static long[] measure(Connection connection, boolean vacuumFull) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (vacuumFull) {
                statement.execute("VACUUM FULL"); // system catalogs are skipped with a warning: not ours
            }
            try {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                System.err.println("CHECKPOINT refused (" + e.getMessage() + "); measuring sizes without it");
            }
            try (ResultSet rs = statement.executeQuery("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint,"
                    + " pg_database_size(current_database())"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg_toast%'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
