package dev.velocity.filehistory.query;

import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Axon's default query bus, without the transaction Axon's auto-configuration wraps every query in. Each read is
 * one statement against the read models or the event store and needs none; a transaction would cost a BEGIN and a
 * COMMIT per request and hold a pooled connection while a {@code minVersion} read waits for the read model.
 */
@org.springframework.context.annotation.Configuration
class AxonQueryConfiguration {

    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
