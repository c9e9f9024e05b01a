package dev.velocity.filehistory.tools.bench.design;

import java.util.List;

/** A store the bench saves into: the old row-per-version design or Velocity. */
public interface Design extends AutoCloseable {

    String name();

    /** Whether this is Velocity (a section may measure it alone). */
    default boolean isVelocity() {
        return false;
    }

    /** Whether the service process takes part in this design's saves (its CPU is counted). */
    default boolean usesService() {
        return false;
    }

    /** A fresh project to work in; returns a handle the other calls get back. */
    String newProject(String label) throws Exception;

    /** One client session: its own connection (old) or the shared HTTP client (Velocity). */
    Client client() throws Exception;

    /** Sets up a file at version 1 outside of any timing. */
    void seed(String project, String path, String content) throws Exception;

    /** Compares what the store holds for a file with what its clients were told. */
    Integrity check(String project, String path, int seededVersions, List<Ack> acks) throws Exception;

    /** The store's own check of a whole project (Velocity's GET /verify), or null where there is none. */
    default String projectCheck(String project) {
        return null;
    }

    /** Waits until the work a save caused is done (a read model catching up), so its CPU time is counted. */
    default void awaitSettled(String project, String path, int version) throws Exception {}

    /** Reads one page of a file's history (newest first, {@code limit} entries below {@code before}); throws if it fails. */
    void readHistoryPage(String project, String path, Integer before, int limit) throws Exception;

    /** Reads version {@code version} of a file with its content; throws if it fails. */
    void readVersion(String project, String path, int version) throws Exception;

    /** When version {@code version} of the file was saved (ISO-8601), for point-in-time reads; null where unsupported. */
    default String savedAt(String project, String path, int version) throws Exception {
        return null;
    }

    /** Reads the file list ({@code content} false) or the file's content as they stood at an instant. */
    default void readAsOf(String project, String path, String at, boolean content) throws Exception {}

    /**
     * Bytes the design's database holds after a CHECKPOINT (see {@link DatabaseSize}), or null if it cannot be
     * measured; {@code vacuumFull} first compacts the tables.
     */
    long[] storedBytes(boolean vacuumFull) throws Exception;

    /**
     * Saves to one file until its top acknowledged version is at least {@code upTo} or the deadline passes, as
     * fast as the design allows (used to build a long history; not timed per save).
     */
    default FillResult fill(String project, String path, int upTo, long stopAtNanos, String key, int bytes)
            throws Exception {
        return FillResult.concurrently(this, new FillResult.Target(project, path, upTo, stopAtNanos), key, bytes, 4);
    }

    @Override
    default void close() throws Exception {}
}
