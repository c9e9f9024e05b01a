package dev.velocity.filehistory.command.idempotency;

/**
 * The first request with this key is still running (409, as the IETF Idempotency-Key draft says): the client
 * retries shortly and then gets that request's answer.
 */
public class IdempotencyKeyInUseException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 1;

    public IdempotencyKeyInUseException() {
        super("A request with this Idempotency-Key is still being processed; retry shortly to get its answer");
    }
}
