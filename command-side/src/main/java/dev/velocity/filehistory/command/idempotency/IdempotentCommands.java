package dev.velocity.filehistory.command.idempotency;

import dev.velocity.filehistory.command.file.FileCommandResult;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.DatabaseUnavailable;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs a command at most once per {@code Idempotency-Key} (api.md, Save) and answers a retry with the first answer.
 * <ol>
 * <li>A key with a stored answer gets it again (a different request with the key: 422), before anything else.</li>
 * <li>Otherwise the command runs with the key in its metadata. Inside the command's transaction
 *     {@link IdempotencyKeyInCommandTransaction} takes the key's transaction-scoped lock, looks for an answer once
 *     more, and stores the command's answer in that transaction: the events and the answer commit together or not
 *     at all, and the lock ends with the transaction, however it ends. A connection cut between taking the key and
 *     committing leaves nothing behind, so a retry runs at once.</li>
 * <li>While another live attempt holds the key, the command rolls back before it changes anything, and this waits
 *     for that attempt's answer, looking again every {@value #POLL_MILLIS} ms without holding a connection, up to
 *     {@link #WAIT_FOR_FIRST}; then 409 "in use" with Retry-After.</li>
 * <li>A rejected or failed command stored nothing, so a retry runs it again.</li>
 * </ol>
 * Two live attempts never both store: the lock lets one in at a time, and the table's primary key is the last guard.
 */
@Service
public class IdempotentCommands {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final IdempotencyKeys keys;

    IdempotentCommands(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * The command's answer, or with a key already used for this request, the answer it got the first time. The
     * command is given the metadata to send it with.
     */
    public Answer run(Caller caller, String key, String fingerprint, Function<MetaData, FileCommandResult> command) {
        if (key == null) {
            return Answer.of(command.apply(MetaData.emptyInstance()));
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest("'Idempotency-Key' must be 1 to 255 visible ASCII characters");
        }
        IdempotencyClaim claim = new IdempotencyClaim(caller.projectId(), caller.user(), key, fingerprint);
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Optional<Answer> stored = storedAnswer(claim);
            if (stored.isPresent()) {
                return stored.get();
            }
            try {
                return Answer.of(command.apply(claim.asMetaData()));
            } catch (RuntimeException failure) {
                if (!IdempotencyKeyHeldException.isCauseOf(failure)) {
                    return answerAfter(failure, claim);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IdempotencyKeyInUseException();
            }
            pause();
        }
    }

    /** The answer stored for the claim's key: empty if none, 422 if it answered a different request. */
    Optional<Answer> storedAnswer(IdempotencyClaim claim) {
        return keys.find(claim).map(stored -> {
            if (!stored.fingerprint().equals(claim.fingerprint())) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "Idempotency-Key reused", "This Idempotency-Key was used for a different request");
            }
            return stored.answer();
        });
    }

    /**
     * A command refused because of the first attempt's own change, committed after this one looked (the file that
     * attempt deleted is gone), gets the first attempt's answer; any other failure is this request's answer. With the
     * database away there is nothing to look at: the failure (503) goes back at once.
     */
    private Answer answerAfter(RuntimeException failure, IdempotencyClaim claim) {
        if (DatabaseUnavailable.isCauseOf(failure)) {
            throw failure;
        }
        return storedAnswer(claim).orElseThrow(() -> failure);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdempotencyKeyInUseException();
        }
    }
}
