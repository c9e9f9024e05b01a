package bench;

/** What one save attempt came back with. A failure names its kind in {@code failure}. */
record Outcome(Kind kind, int version, Integer currentVersion, String failure, long nanos) {
    static Outcome failed(String failure, Integer currentVersion, long nanos) {
        return new Outcome(Kind.FAILED, -1, currentVersion, failure, nanos);
    }
}
