package com.leadledger.command.registration;

import com.leadledger.command.common.CaffeineAggregateCache;
import com.leadledger.command.common.VerifiedCachingRepository;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The opportunity's repository: Axon's event-sourcing repository (snapshots, the aggregate's handlers and their
 * Spring-injected parameters, as auto-configured) with this instance's cache of loaded opportunities, checked
 * against the stream's head ({@code stream_head}) on every load.
 */
@Configuration
class OpportunityRepositoryConfig {

    @Bean
    Repository<Opportunity> opportunityRepository(EventStore eventStore, SnapshotTriggerDefinition snapshotTrigger,
                                                  ParameterResolverFactory parameterResolverFactory,
                                                  HandlerDefinition handlerDefinition,
                                                  JdbcClient jdbc, OpportunityCacheProperties settings) {
        Cache cache = settings.maximum() == 0 ? NoCache.INSTANCE
                : new CaffeineAggregateCache(settings.maximum(), settings.idle());
        return new VerifiedCachingRepository<>(EventSourcingRepository.builder(Opportunity.class)
                .eventStore(eventStore)
                .snapshotTriggerDefinition(snapshotTrigger)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition), cache,
                opportunityId -> jdbc.sql("SELECT last_sequence FROM stream_head WHERE aggregateidentifier = :id")
                        .param("id", opportunityId).query(Long.class).optional().orElse(null));
    }
}
