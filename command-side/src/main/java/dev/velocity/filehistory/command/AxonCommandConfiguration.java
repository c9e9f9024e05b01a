package dev.velocity.filehistory.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.command.file.CommandRejectedException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonCommandConfiguration {

    /**
     * Without a cache every save replays the file's whole history; Axon's WeakReferenceCache loses entries to GC
     * under load. A bounded, strong cache keeps hot files in memory; snapshots bound the replay of cold ones.
     */
    @Bean
    Cache fileAggregateCache(@Value("${velocity.aggregate-cache-size:2000}") long maximumSize) {
        return new CaffeineAxonCache(Caffeine.newBuilder().maximumSize(maximumSize).build());
    }

    @Bean
    SnapshotTriggerDefinition fileSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${velocity.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The path claims must fail the command when a path is taken: the default handler would only log it and let
     * the events commit.
     */
    @Bean
    ConfigurerModule pathClaimsPropagateErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                "file-paths", configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Axon's own command bus, except that a command the aggregate rejected before applying anything commits its
     * (empty) unit of work instead of rolling back, which keeps the file in the aggregate cache.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager,
                                org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateResolver)
                .rollbackConfiguration(failure -> !(failure instanceof CommandRejectedException)
                        && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(failure))
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    /** Every event records the request and user that caused it (metadata, never the token). */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider("requestId", "user", "projectId");
    }
}
