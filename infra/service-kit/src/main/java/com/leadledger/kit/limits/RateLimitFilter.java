package com.leadledger.kit.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.leadledger.kit.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Token-bucket rate limits (Bucket4j, per service instance, {@link RateLimitProperties}): a caller — the token's
 * partner, else its subject — spends its read budget on GET, HEAD and OPTIONS and its write budget on everything else;
 * a request without a valid token spends the budget of its {@link ClientAddress client address}. Beyond a budget: 429
 * problem+json with {@code Retry-After}.
 * <p>
 * The buckets live in a Caffeine cache bounded in size (by frequency and recency of use, so a flood of new addresses
 * does not push out the buckets of busy callers); a bucket untouched for as long as it takes to refill is full again,
 * so it is dropped then and nothing is lost.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Duration MIN_IDLE = Duration.ofMinutes(1);

    private enum Kind { WRITES, READS, ANONYMOUS }

    /** Whose bucket (a partner, a subject or an address) for which kind of request. */
    private record Key(Kind kind, String who) {
    }

    private final JsonMapper mapper;
    private final RateLimitProperties limits;
    private final TimeMeter time;
    private final Cache<Key, Bucket> buckets;

    public RateLimitFilter(JsonMapper mapper, RateLimitProperties limits) {
        this(mapper, limits, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @param time the buckets' clock (a test can stop it) */
    RateLimitFilter(JsonMapper mapper, RateLimitProperties limits, TimeMeter time) {
        this.mapper = mapper;
        this.limits = limits;
        this.time = time;
        long refill = Math.max(limits.writes().secondsToRefill(),
                Math.max(limits.reads().secondsToRefill(), limits.anonymous().secondsToRefill()));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxBuckets())
                .expireAfterAccess(max(MIN_IDLE, Duration.ofSeconds(refill)))
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (admitted(keyOf(request), response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The given answer for a request whose token the resource server refused, once the request has been counted
     * against its client address like any other request without a valid token (or 429 when that budget is spent).
     */
    public AuthenticationEntryPoint countingRefusedTokens(AuthenticationEntryPoint unauthenticated) {
        return (request, response, refusal) -> {
            if (admitted(new Key(Kind.ANONYMOUS, ClientAddress.of(request)), response)) {
                unauthenticated.commence(request, response, refusal);
            }
        };
    }

    /** The buckets held now (after any pending eviction). */
    public long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private boolean admitted(Key key, HttpServletResponse response) throws IOException {
        RateLimitProperties.Budget budget = budgetOf(key.kind());
        if (budget.off()) {
            return true;
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.perSecond(), Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long waitSeconds = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        Problems.write(response, mapper, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "Too many requests; retry after " + waitSeconds + " s.");
        return false;
    }

    private RateLimitProperties.Budget budgetOf(Kind kind) {
        return switch (kind) {
            case WRITES -> limits.writes();
            case READS -> limits.reads();
            case ANONYMOUS -> limits.anonymous();
        };
    }

    private static Key keyOf(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            String partner = jwt.getToken().getClaimAsString("partner_id");
            String caller = partner != null ? "partner:" + partner : "subject:" + jwt.getToken().getSubject();
            return new Key(READS.contains(request.getMethod()) ? Kind.READS : Kind.WRITES, caller);
        }
        return new Key(Kind.ANONYMOUS, ClientAddress.of(request));
    }

    /** The whole seconds after which the wait is over: a wait of exactly one second is one, not two. */
    private static long ceilSeconds(long nanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return (nanos + second - 1) / second;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
