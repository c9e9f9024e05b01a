package dev.velocity.filehistory.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.command.file.CommandRejectedException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CommandSideProperties.class)
class AxonCommandConfiguration {

    private static final String PATH_CLAIMS = "file-paths";

    /**
     * Without a cache every save replays the file's whole history; Axon's WeakReferenceCache loses entries to GC
     * under load. A bounded, strong cache keeps hot files in memory; snapshots bound the replay of cold ones.
     */
    @Bean
    Cache fileAggregateCache(CommandSideProperties settings) {
        return new CaffeineAxonCache(Caffeine.newBuilder().maximumSize(settings.aggregateCacheSize()).build());
    }

    /**
     * Axon's snapshotter, except that snapshots are taken on a thread of their own after the command's transaction
     * and the file's turn are over (Axon's default takes them on the command thread, while it still holds the
     * file): no thread ever needs a second connection, or a connection while it holds a file.
     * One thread: snapshots are an optimisation, and one at a time bounds the connections they take to one.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration axon,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        // Not a bean: an Executor bean would replace Spring's application task executor. The queue holds at most
        // one task per file (Axon skips a file whose snapshot is pending), so it stays bounded.
        ExecutorService snapshotExecutor = Executors.newSingleThreadExecutor(new AxonThreadFactory("snapshotter"));
        axon.onShutdown(snapshotExecutor::shutdown);
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean
    SnapshotTriggerDefinition fileSnapshotTrigger(SpringAggregateSnapshotter snapshotter,
                                                  CommandSideProperties settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }

    /**
     * Path claims run inside the command's transaction (set-based validation), never asynchronously, and must fail
     * the command when a path is taken: the default error handler would only log it and let the events commit.
     */
    @Bean
    ConfigurerModule pathClaimsInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PATH_CLAIMS)
                .registerListenerInvocationErrorHandler(PATH_CLAIMS,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Axon's own command bus, except that the commands of one file wait for their turn before their transaction
     * starts ({@link FileSerialisingCommandBus}), and that a command the aggregate rejected before applying anything commits its
     * (empty) unit of work instead of rolling back, which keeps the file in the aggregate cache.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager,
                                org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateResolver,
                                CommandSideProperties settings) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateResolver)
                .rollbackConfiguration(failure -> !(failure instanceof CommandRejectedException)
                        && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(failure))
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        SimpleCommandBus commandBus = new FileSerialisingCommandBus(builder, settings.fileTurnTimeout());
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    /** Every event records the request and user that caused it (metadata, never the token). */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider("requestId", "user", "projectId");
    }
}
