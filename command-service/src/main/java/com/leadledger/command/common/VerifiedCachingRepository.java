package com.leadledger.command.common;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;

import java.util.Objects;
import java.util.function.Function;

/**
 * Axon's caching event-sourcing repository, safe with several service instances on one event store: an aggregate
 * kept in this instance's cache is used only while its version is still the last sequence number stored in its
 * stream. When another instance appended to the stream meanwhile, the cached copy is dropped and the aggregate is
 * loaded from its snapshot and events as without a cache.
 * <p>
 * The comparison is exact because every command takes its aggregate's advisory lock before loading it, so no other
 * instance appends between the check and this command's commit through the command bus. A writer that bypasses that
 * lock still meets the unique (aggregate, sequence) constraint: the conflict rolls back, which also evicts the entry,
 * and the command gateway retries.
 *
 * @param <T> the aggregate type
 */
public final class VerifiedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final Function<String, Long> lastStoredSequence;

    /**
     * @param builder            the repository's settings, without a cache
     * @param cache              this instance's cache of loaded aggregates
     * @param lastStoredSequence the last sequence number stored in an aggregate's stream; null for none
     */
    public VerifiedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache,
                                     Function<String, Long> lastStoredSequence) {
        super(builder.cache(cache));
        this.cache = cache;
        this.lastStoredSequence = lastStoredSequence;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (cache.containsKey(aggregateIdentifier)) {
            EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            if (Objects.equals(cached.version(), lastStoredSequence.apply(aggregateIdentifier))) {
                return cached;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
