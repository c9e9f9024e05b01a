package dev.velocity.filehistory.tools.bench.design;

/** What one save attempt came back with. A failure names its kind in {@code failure}. */
public record Outcome(Kind kind, int version, Integer currentVersion, String failure, long nanos) {

    /** How a save attempt ended. */
    public enum Kind { ACKNOWLEDGED, UNCHANGED, FAILED }

    public static Outcome acknowledged(int version, long nanos) {
        return new Outcome(Kind.ACKNOWLEDGED, version, null, null, nanos);
    }

    public static Outcome failed(String failure, Integer currentVersion, long nanos) {
        return new Outcome(Kind.FAILED, -1, currentVersion, failure, nanos);
    }
}
