package dev.velocity.filehistory.query.readmodel;

/** The read model did not reach what the client asked for in time, or is being rebuilt; the client should retry. */
public class ReadModelBehindException extends RuntimeException {

    private final long retryAfterSeconds;

    public ReadModelBehindException(String detail) {
        this(detail, 1);
    }

    public ReadModelBehindException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
