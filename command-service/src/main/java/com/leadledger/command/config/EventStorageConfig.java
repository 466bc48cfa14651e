package com.leadledger.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Axon's JDBC event storage engine, built as its auto-configuration builds it, except that the events of one commit
 * are stored with one multi-row statement ({@link MultiRowEventInsert}), and the event store in front of it, with the
 * length of its in-memory tail and how often that tail looks in the store as settings. Declaring them turns off the
 * auto-configuration's {@link EventSchema} and its resolver of duplicate-key errors too, so both are declared here as
 * it declares them.
 */
@Configuration
class EventStorageConfig {

    @Bean
    EventSchema eventSchema() {
        return new EventSchema();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(new MultiRowEventInsert())
                .build();
    }

    /**
     * The event store as Axon's auto-configuration builds it, with the length of its tail (the newest events, kept in
     * memory for the tracking processors) a setting. Axon's 10,000 stay there about 15 s under load, long enough to be
     * promoted to the old generation before they die (docs/performance.md). The tail looks in the store every
     * {@code fetch-delay} (Axon's 1 s) only for other instances' events: this instance's commits wake it.
     */
    @Bean
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  EventStoreProperties settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(settings.cachedEvents())
                .fetchDelay(settings.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
