package dev.velocity.filehistory.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.velocity.filehistory.command.file.FileCommandResult;
import dev.velocity.filehistory.command.idempotency.IdempotencyKeys.Claim;
import dev.velocity.filehistory.command.idempotency.IdempotencyKeys.Stored;
import dev.velocity.filehistory.platform.VelocityProperties;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs a command at most once per {@code Idempotency-Key} (api.md, Save) and answers a retry with the first answer.
 * <ol>
 * <li>The key is claimed first, in its own short transaction; the table's primary key lets one request win.</li>
 * <li>The winner runs the command; {@link AnswerInCommandTransaction} writes its answer in the command's own
 *     transaction, so the events and the answer commit together or not at all: there is no moment in which a change
 *     is stored but its answer is not.</li>
 * <li>A rejected or failed command stored nothing, so the key is released and a retry runs again.</li>
 * <li>Any other request with the key: a different request is 422; the same one gets the stored answer, waiting
 *     up to {@link #WAIT_FOR_FIRST} for it, then 409 "in use" with Retry-After.</li>
 * </ol>
 * A claim whose request died (process killed between claim and commit) blocks the key until it is older than twice
 * the longest command transaction; then a retry takes it over and runs the command, which had not committed.
 */
@Service
public class IdempotentCommands {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final IdempotencyKeys keys;
    private final ObjectMapper json;
    private final Duration staleAfter;
    private final ThreadLocal<Claim> running = new ThreadLocal<>();

    IdempotentCommands(IdempotencyKeys keys, ObjectMapper json, VelocityProperties properties) {
        this.keys = keys;
        this.json = json;
        // By then PostgreSQL has ended the claim's transaction, so its command can no longer commit.
        this.staleAfter = properties.databaseTimeout();
    }

    /** The command's answer, or with a key already used for this request, the answer it got the first time. */
    public Answer run(Caller caller, String key, String fingerprint, Supplier<FileCommandResult> command) {
        if (key == null) {
            return Answer.of(command.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest("'Idempotency-Key' must be 1 to 255 visible ASCII characters");
        }
        Claim claim = new Claim(caller.projectId(), caller.user(), key, fingerprint, UUID.randomUUID());
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (!keys.claim(claim, staleAfter)) {
            Optional<Stored> stored = keys.find(claim);
            if (stored.isPresent() && !stored.get().fingerprint().equals(fingerprint)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "Idempotency-Key reused", "This Idempotency-Key was used for a different request");
            }
            if (stored.isPresent() && stored.get().answered()) {
                return new Answer(stored.get().status(), read(stored.get().response()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IdempotencyKeyInUseException();
            }
            pause();
        }
        return execute(claim, command);
    }

    /** Called inside the command's transaction with its result; see {@link AnswerInCommandTransaction}. */
    void recordInCommandTransaction(FileCommandResult view) {
        Claim claim = running.get();
        if (claim == null) {
            return;
        }
        Answer answer = Answer.of(view);
        if (!keys.answer(claim, answer.status(), write(view))) {
            // Another request took the key over as stale; rolling this command back leaves it to that one.
            throw new IdempotencyKeyInUseException();
        }
    }

    private Answer execute(Claim claim, Supplier<FileCommandResult> command) {
        running.set(claim);
        boolean done = false;
        try {
            Answer answer = Answer.of(command.get());
            done = true;
            return answer;
        } finally {
            running.remove();
            if (!done) {
                keys.release(claim);
            }
        }
    }

    private String write(FileCommandResult view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A FileCommandResult is always serialisable", e);
        }
    }

    private FileCommandResult read(String response) {
        try {
            return json.readValue(response, FileCommandResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer is not a FileCommandResult", e);
        }
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
