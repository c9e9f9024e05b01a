package dev.velocity.filehistory.command;

import java.time.Duration;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

/**
 * Axon's command bus, except that the commands of one file take their turn before their unit of work opens its
 * database transaction. A command waiting for its file therefore holds no pooled connection, and the aggregate
 * lock Axon takes inside the transaction is never contended in this process: a thread that holds a connection
 * never waits for a lock, so many writers of one file cannot take every connection from the one that has the file.
 * The wait is bounded; past it the command fails with {@link LockAcquisitionFailedException} (503, retry).
 */
class FileSerialisingCommandBus extends SimpleCommandBus {

    private static final int ATTEMPT_MILLIS = 10;

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final PessimisticLockFactory fileTurns;

    FileSerialisingCommandBus(Builder builder, Duration maximumWait) {
        super(builder);
        this.fileTurns = PessimisticLockFactory.builder()
                .acquireAttempts((int) Math.max(1, maximumWait.toMillis() / ATTEMPT_MILLIS))
                .lockAttemptTimeout(ATTEMPT_MILLIS)
                .build();
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        Lock turn;
        try {
            turn = fileTurns.obtainLock(targets.resolveTarget(command).getIdentifier());
        } catch (LockAcquisitionFailedException e) {
            callback.onResult(command, asCommandResultMessage(e));
            return;
        }
        try {
            super.handle(command, handler, callback);
        } finally {
            turn.release();
        }
    }
}
