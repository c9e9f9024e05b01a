package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.query.QuerySideProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both read models are written by one streaming processor: each event is read and deserialised once, and each
 * batch costs one transaction and one token update for both, not one each.
 */
@Configuration
class ProjectionProcessor {

    static final String NAME = "file-read-models";

    /**
     * A pooled streaming processor, so it can be reset and replayed and handles events in batches, sized by
     * {@code velocity.projection.*}. Set among Axon's processor properties, which Axon builds it from and
     * {@code ConnectionBudget} counts its threads from.
     */
    @Bean
    static BeanPostProcessor readModelProcessorSettings(ObjectProvider<QuerySideProperties> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventProcessorProperties axon) {
                    QuerySideProperties.Projection projection = settings.getObject().projection();
                    EventProcessorProperties.ProcessorSettings processor =
                            new EventProcessorProperties.ProcessorSettings();
                    processor.setMode(EventProcessorProperties.Mode.POOLED);
                    processor.setThreadCount(projection.threads());
                    processor.setInitialSegmentCount(projection.segments());
                    processor.setBatchSize(projection.batch());
                    axon.getProcessors().put(NAME, processor);
                }
                return bean;
            }
        };
    }

    /**
     * A read-model batch commits without waiting for its WAL flush. A crash can lose only the last few hundred
     * milliseconds of read-model writes together with the token that covers them, so the processor handles those
     * events again (every write is idempotent); saves, which are events, still wait for the flush.
     */
    @Bean
    ConfigurerModule readModelBatchesCommitAsynchronously(JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(NAME,
                configuration -> new AsynchronousCommit(jdbc));
    }

    private record AsynchronousCommit(JdbcTemplate jdbc) implements MessageHandlerInterceptor<EventMessage<?>> {

        private static final String DONE = AsynchronousCommit.class.getName();

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain interceptorChain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            if (!batch.resources().containsKey(DONE)) {
                jdbc.execute("SET LOCAL synchronous_commit = off");
                batch.resources().put(DONE, Boolean.TRUE);
            }
            return interceptorChain.proceed();
        }
    }
}
