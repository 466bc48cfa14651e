package com.leadledger.kit.limits;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token-bucket budgets per service instance: a caller (a partner, else the token subject) has one for writes and one
 * for reads; a request without a valid token spends the budget of its client address. For each budget, a rate of 0
 * turns it off.
 *
 * @param perSecond          a caller's sustained writes (every method but GET, HEAD and OPTIONS) per second
 * @param burst              a caller's writes allowed at once
 * @param readPerSecond      a caller's sustained reads (GET, HEAD, OPTIONS) per second
 * @param readBurst          a caller's reads allowed at once
 * @param anonymousPerSecond sustained requests per second without a valid token, per client address
 * @param anonymousBurst     requests without a valid token allowed at once, per client address
 * @param maxBuckets         buckets held at most (callers and addresses together); the least used are dropped first
 */
@ConfigurationProperties("leadledger.rate-limit")
@Validated
public record RateLimitProperties(
        @Min(0) @DefaultValue("50") long perSecond,
        @Min(0) @DefaultValue("100") long burst,
        @Min(0) @DefaultValue("100") long readPerSecond,
        @Min(0) @DefaultValue("200") long readBurst,
        @Min(0) @DefaultValue("20") long anonymousPerSecond,
        @Min(0) @DefaultValue("40") long anonymousBurst,
        @Min(1) @DefaultValue("10000") long maxBuckets) {

    /** One budget: {@code perSecond} sustained, up to {@code burst} at once; off when {@code perSecond} is 0. */
    public record Budget(long perSecond, long burst) {

        public boolean off() {
            return perSecond <= 0;
        }

        /** A burst below the sustained rate would refuse requests the rate allows. */
        public long capacity() {
            return Math.max(burst, perSecond);
        }

        /** How long an emptied bucket takes to fill up again: an idle bucket older than that is as good as new. */
        public long secondsToRefill() {
            return off() ? 0 : (capacity() + perSecond - 1) / perSecond;
        }
    }

    public Budget writes() {
        return new Budget(perSecond, burst);
    }

    public Budget reads() {
        return new Budget(readPerSecond, readBurst);
    }

    public Budget anonymous() {
        return new Budget(anonymousPerSecond, anonymousBurst);
    }
}
