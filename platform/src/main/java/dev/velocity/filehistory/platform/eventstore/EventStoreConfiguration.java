package dev.velocity.filehistory.platform.eventstore;

import dev.velocity.filehistory.platform.VelocityProperties;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's JDBC event store on PostgreSQL. Events are appended in the same database transaction as the command
 * side's path claims, so a rejected claim also rejects the events.
 */
@org.springframework.context.annotation.Configuration
public class EventStoreConfiguration {

    /**
     * The event store keeps timestamps to the millisecond; stamping events at that precision makes the time a
     * command answers with equal to the time every reader of the stored event sees.
     */
    public EventStoreConfiguration() {
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * A duplicate (aggregate, sequence) must surface as Axon's ConcurrencyException, which the command side retries
     * or answers with 409. Axon's JdbcSQLErrorCodesResolver only knows SQLIntegrityConstraintViolationException,
     * which the PostgreSQL driver never throws; its SQLState 23505 is what we look for.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return DuplicateKeys::isDuplicateKey;
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager,
                                              VelocityProperties properties) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setTimeout((int) properties.transactionTimeout().toSeconds());
        return new SpringTransactionManager(transactionManager, definition);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder().build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().build();
    }

    /**
     * Axon's token store, claiming segments under a name of its own per application: Axon's default, the JVM's
     * {@code pid@host}, is shared by two nodes started in one JVM (the multi-node tests), and a node believes it owns
     * a segment that another node of the same name claimed, so both would run the projection.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties tokenStoreProperties) {
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(node)
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          VelocityProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .gapTimeout((int) properties.gapTimeout().toMillis())
                .build();
    }
}
