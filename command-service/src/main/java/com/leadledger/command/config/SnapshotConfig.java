package com.leadledger.command.config;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Aggregate snapshots, so that a command on a long-lived aggregate replays only the events after its last snapshot
 * instead of its whole stream. Once a load and command have replayed and applied {@code leadledger.snapshots.threshold}
 * events, the aggregate's state is stored in the event store's snapshot table (JSON by the stored-JSON Jackson mapper,
 * under the aggregate class's {@code @Revision}), after the command's transaction committed and off the request's
 * thread: the caller never waits for it, and a snapshot that fails is only logged. A snapshot whose revision is not
 * the aggregate class's is passed over (Axon's revision snapshot filter) and the aggregate is rebuilt from its events.
 * Snapshots are a cache: the hash chain, its checkpoints, the relay and the audit read only the events.
 */
@Configuration
class SnapshotConfig {

    /** One thread: snapshots of one aggregate are taken one at a time anyway, and they are never urgent. */
    private final ExecutorService snapshotting = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "snapshotter");
        thread.setDaemon(true);
        return thread;
    });

    /** Axon's auto-configured snapshotter, but on its own thread instead of the thread of the committing command. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration axon,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotting)
                .build();
    }

    /** The snapshot trigger of the aggregates that snapshot (the opportunity's repository takes it). */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties settings) {
        return settings.enabled() ? new EventCountSnapshotTriggerDefinition(snapshotter, settings.threshold())
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    @PreDestroy
    void stopSnapshotting() {
        snapshotting.shutdown();
    }
}
