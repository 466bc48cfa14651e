package com.leadledger.kit.limits;

import com.leadledger.kit.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-partner token-bucket rate limit (Bucket4j, per service instance): {@code leadledger.rate-limit.per-second}
 * requests per second with bursts up to {@code leadledger.rate-limit.burst}; beyond that 429 problem+json with
 * {@code Retry-After}. Staff and other callers without a partner are limited per token subject.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final JsonMapper mapper;
    private final long perSecond;
    private final long burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(JsonMapper mapper, long perSecond, long burst) {
        this.mapper = mapper;
        this.perSecond = perSecond;
        this.burst = Math.max(burst, perSecond);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = caller();
        if (caller == null || perSecond <= 0) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
            Problems.write(response, mapper, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "Too many requests; retry after " + waitSeconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            String partner = jwt.getToken().getClaimAsString("partner_id");
            return partner != null ? "partner:" + partner : "subject:" + jwt.getToken().getSubject();
        }
        return null;
    }
}
