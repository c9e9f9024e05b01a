package dev.velocity.filehistory.command.idempotency;

import dev.velocity.filehistory.command.file.FileCommandResult;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * A keyed command's key, held and answered inside the command's own transaction. Axon's Spring Boot support registers
 * this bean on the command bus after the bus's own transaction interceptor, and the bus runs handlers on the sending
 * thread, so the key's lock, the answer and the events share one transaction (as the path claims do), and nothing of
 * the key outlives it. The lock is taken with a try, never waited for: a thread that holds a pooled connection never
 * waits for a lock. A rejection never reaches the answer: it is thrown past it.
 */
@Component
class IdempotencyKeyInCommandTransaction implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyKeys keys;
    private final IdempotentCommands commands;

    IdempotencyKeyInCommandTransaction(IdempotencyKeys keys, IdempotentCommands commands) {
        this.keys = keys;
        this.commands = commands;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Optional<IdempotencyClaim> keyed = IdempotencyClaim.of(unitOfWork.getMessage());
        if (keyed.isEmpty()) {
            return interceptorChain.proceed();
        }
        IdempotencyClaim claim = keyed.get();
        if (!keys.tryLock(claim)) {
            throw new IdempotencyKeyHeldException();
        }
        // An attempt that held the key until a moment ago may have committed its answer since the caller looked.
        Optional<Answer> stored = commands.storedAnswer(claim);
        if (stored.isPresent()) {
            return stored.get().view();
        }
        Object result = interceptorChain.proceed();
        if (result instanceof FileCommandResult view && !keys.store(claim, Answer.of(view))) {
            throw new IdempotencyKeyHeldException(); // rolls this command back; the stored answer is found next
        }
        return result;
    }
}
