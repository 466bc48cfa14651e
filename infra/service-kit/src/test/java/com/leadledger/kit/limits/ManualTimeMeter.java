package com.leadledger.kit.limits;

import io.github.bucket4j.TimeMeter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limit's clock in a test: it stands still until the test moves it, however slow the machine. */
public final class ManualTimeMeter implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** A rate limit filter whose buckets run on this clock. */
    public RateLimitFilter filter(JsonMapper mapper, RateLimitProperties limits) {
        return new RateLimitFilter(mapper, limits, this);
    }
}
