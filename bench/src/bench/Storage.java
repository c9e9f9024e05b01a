package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static bench.Contents.*;

/** The storage section: what the database holds after one file saved many times, against git. */
record Storage(String design, int versions, long[] before, long[] written, long[] live, double seconds, long[] latencies,
               int failed, Integrity integrity) {
    /** MB added as written (which 0: relation sizes, 1: database size), dead row versions and free space included. */
    double addedMb(int which) { return delta(written, which); }
    /** MB added that stay after VACUUM FULL: the live data. */
    double liveMb(int which) { return delta(live, which); }
    private double delta(long[] after, int which) {
        return before == null || after == null ? Double.NaN : (after[which] - before[which]) / 1e6;
    }

    /**
     * [VACUUM FULL of the tables the bench user owns (all of the design's),] CHECKPOINT, then {sum of
     * pg_total_relation_size over the user tables and materialized views, pg_database_size}.
     */
    static long[] databaseBytes(Connection c, boolean vacuumFull) throws SQLException {
        try (var st = c.createStatement()) {
            if (vacuumFull) st.execute("VACUUM FULL"); // system catalogs are skipped with a warning: not ours
            try {
                st.execute("CHECKPOINT");
            } catch (SQLException e) {
                System.err.println("CHECKPOINT refused (" + e.getMessage() + "); measuring sizes without it");
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint,"
                    + " pg_database_size(current_database())"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg_toast%'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * One client saves the file {@code saves} times, 3 lines changed each, expectedVersion = last; bytes added to the
     * database, from a VACUUM FULL before the first save to after the last (as written, then after VACUUM FULL).
     */
    static Storage measure(Design d, int saves, int bytes) throws Exception {
        long[] before = d.storedBytes(true);
        String project = d.newProject("bench storage");
        String path = "src/storage.js";
        Editor editor = new Editor(seed("storage", 0), bytes);
        d.seed(project, path, editor.text());
        List<Ack> acks = new ArrayList<>();
        int[] last = {1};
        long start = System.nanoTime();
        long[] latencies;
        try (Client c = d.client()) {
            latencies = Client.timedSequence(c, project, path, editor, saves, acks, last);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        d.awaitSettled(project, path, last[0]);
        Thread.sleep(2000); // anything the service does after a save in the background (snapshots, tokens)
        long[] written = d.storedBytes(false);
        long[] live = d.storedBytes(true);
        return new Storage(d.name(), 1 + acks.size(), before, written, live, seconds, latencies, saves - acks.size(),
                d.check(project, path, 1, acks));
    }
}
