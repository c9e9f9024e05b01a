package dev.velocity.filehistory.command.idempotency;

import dev.velocity.filehistory.command.file.FileCommandResult;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Writes a keyed command's answer between its handler and its commit. Axon's Spring Boot support registers this
 * bean on the command bus after the bus's own transaction interceptor, and the bus runs handlers on the sending
 * thread, so the answer row joins the transaction that appends the events (as the path claims do). A rejection never
 * reaches the answer: it is thrown past it.
 */
@Component
@EnableScheduling
class AnswerInCommandTransaction implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotentCommands commands;

    AnswerInCommandTransaction(IdempotentCommands commands) {
        this.commands = commands;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (result instanceof FileCommandResult view) {
            commands.recordInCommandTransaction(view);
        }
        return result;
    }
}
