package com.leadledger.command.common;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

/**
 * Axon's {@link Cache} over a bounded Caffeine cache, for aggregates loaded on this instance: at most
 * {@code maximumSize} entries, each dropped after {@code idle} without use, and held by soft references so that
 * large aggregates give way to the heap's needs instead of exhausting it.
 */
public final class CaffeineAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    public CaffeineAggregateCache(long maximumSize, Duration idle) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).softValues()
                .build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Not supported: only repositories use this cache, and they register no listeners. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache notifies no listeners");
    }
}
