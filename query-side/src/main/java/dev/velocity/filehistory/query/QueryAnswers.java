package dev.velocity.filehistory.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for a query's answer on the request thread. A handler's rejection reaches the caller as the exception it
 * threw, not wrapped, so the problem advice maps it (the local query bus completes the future before it returns).
 */
public final class QueryAnswers {

    private QueryAnswers() {
    }

    public static <R> R of(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException rejection) {
                throw rejection;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
