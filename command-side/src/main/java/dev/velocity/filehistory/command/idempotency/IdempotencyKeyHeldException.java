package dev.velocity.filehistory.command.idempotency;

/**
 * Another attempt with the same key is running right now (it holds the key's lock), so this command's transaction
 * rolls back at once, before it changes anything; {@link IdempotentCommands} looks again shortly, holding no
 * connection while it waits.
 */
class IdempotencyKeyHeldException extends RuntimeException {

    IdempotencyKeyHeldException() {
        super("Another request with this Idempotency-Key is running", null, false, false);
    }

    static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IdempotencyKeyHeldException) {
                return true;
            }
        }
        return false;
    }
}
