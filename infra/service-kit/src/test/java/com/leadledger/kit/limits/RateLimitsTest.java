package com.leadledger.kit.limits;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads and writes are limited per caller, each with its own budget; requests without a valid token per client
 * address; the buckets are held in a cache bounded in size.
 */
class RateLimitsTest {

    /** As Spring Boot configures its mapper for problem+json. */
    private static final JsonMapper JSON =
            JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    /** The buckets' clock stands still: no refill while a test runs, however slow the machine. */
    private static final TimeMeter STOPPED = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return 1_000_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    /** writes 2/s (burst 3), reads 2/s (burst 5), anonymous 1/s (burst 4); at most 50 buckets. */
    private final RateLimitFilter filter =
            new RateLimitFilter(JSON, new RateLimitProperties(2, 3, 2, 5, 1, 4, 50), STOPPED);

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void getsAreLimitedPerCallerWithABudgetOfTheirOwn() throws Exception {
        Authentication partner = caller("user-of-P-1", "P-1");

        assertThat(statuses(6, "GET", partner, "10.0.0.1")).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(send("HEAD", partner, "10.0.0.1").getStatus()).as("HEAD is a read").isEqualTo(429);
        assertThat(send("POST", partner, "10.0.0.1").getStatus()).as("writes have their own budget").isEqualTo(200);
        assertThat(send("GET", caller("other-user-of-P-1", "P-1"), "10.0.0.2").getStatus())
                .as("the partner is the caller, whichever of its users and addresses").isEqualTo(429);
        assertThat(send("GET", caller("user-of-P-2", "P-2"), "10.0.0.1").getStatus())
                .as("another partner from the same address").isEqualTo(200);
        assertThat(send("GET", caller("auditor-7", null), "10.0.0.1").getStatus())
                .as("staff: per token subject").isEqualTo(200);
    }

    @Test
    void writesAreLimitedPerCaller() throws Exception {
        assertThat(statuses(4, "POST", caller("manager-1", null), "10.0.0.1")).containsExactly(200, 200, 200, 429);
        assertThat(statuses(1, "DELETE", caller("manager-1", null), "10.0.0.1")).containsExactly(429);
        assertThat(statuses(1, "POST", caller("manager-2", null), "10.0.0.1")).containsExactly(200);
    }

    @Test
    void theRefusalIsProblemJsonThatSaysWhenToRetry() throws Exception {
        Authentication partner = caller("user-of-P-9", "P-9");
        statuses(5, "GET", partner, "10.0.0.1");

        MockHttpServletResponse refused = send("GET", partner, "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).as("half a second to the next read, rounded up").isEqualTo("1");
        JsonNode problem = JSON.readTree(refused.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() throws Exception {
        RateLimitFilter onePerSecond = new RateLimitFilter(JSON, new RateLimitProperties(1, 1, 1, 1, 1, 1, 50), STOPPED);
        Authentication caller = caller("writer", null);
        assertThat(send(onePerSecond, "POST", caller, "10.0.0.1").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = send(onePerSecond, "POST", caller, "10.0.0.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).as("exactly one second to the next token").isEqualTo("1");
        assertThat(JSON.readTree(refused.getContentAsString()).get("detail").asString())
                .isEqualTo("Too many requests; retry after 1 s.");
    }

    @Test
    void anonymousRequestsAreLimitedPerClientAddress() throws Exception {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(statuses(5, "GET", anonymous, "192.0.2.10")).containsExactly(200, 200, 200, 200, 429);
        assertThat(send("POST", null, "192.0.2.10").getStatus()).as("one budget for every method").isEqualTo(429);
        assertThat(send("GET", anonymous, "192.0.2.11").getStatus()).as("another address").isEqualTo(200);
        assertThat(send("GET", caller("user-of-P-3", "P-3"), "192.0.2.10").getStatus())
                .as("a caller with a valid token from that address").isEqualTo(200);
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() throws Exception {
        assertThat(List.of(send("GET", null, "2001:db8:1:2:0:0:0:1").getStatus(),
                send("GET", null, "2001:db8:1:2::ab").getStatus(),
                send("GET", null, "2001:db8:1:2:ffff:ffff:ffff:ffff").getStatus(),
                send("GET", null, "2001:db8:1:2:1234::9").getStatus(),
                send("GET", null, "2001:db8:1:2:4321::7").getStatus()))
                .as("addresses of one /64").containsExactly(200, 200, 200, 200, 429);
        assertThat(send("GET", null, "2001:db8:1:3::1").getStatus()).as("the next /64").isEqualTo(200);
    }

    @Test
    void aRequestWhoseTokenIsRefusedCountsAgainstItsAddress() throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> response.setStatus(401);
        AuthenticationEntryPoint counting = filter.countingRefusedTokens(unauthenticated);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            counting.commence(request("GET", "198.51.100.7"), response, new InvalidBearerTokenException("forged"));
            statuses.add(response.getStatus());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
        assertThat(send("GET", null, "198.51.100.7").getStatus())
                .as("the same budget as requests without a token").isEqualTo(429);
    }

    @Test
    void theBucketsAreHeldInACacheBoundedInSize() throws Exception {
        for (int i = 0; i < 500; i++) {
            send("GET", null, "10.1." + (i / 250) + "." + (i % 250));
            send("GET", caller("subject-" + i, null), "10.2.0.1");
        }
        assertThat(filter.bucketCount()).isPositive().isLessThanOrEqualTo(50);
    }

    @Test
    void aBudgetWithoutARateIsOff() throws Exception {
        RateLimitFilter readsOff = new RateLimitFilter(JSON, new RateLimitProperties(1, 1, 0, 0, 1, 1, 50), STOPPED);
        for (int i = 0; i < 20; i++) {
            assertThat(send(readsOff, "GET", caller("reader", null), "10.0.0.1").getStatus()).isEqualTo(200);
        }
        assertThat(readsOff.bucketCount()).isZero();
    }

    private List<Integer> statuses(int count, String method, Authentication authentication, String address)
            throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(send(method, authentication, address).getStatus());
        }
        return statuses;
    }

    private MockHttpServletResponse send(String method, Authentication authentication, String address)
            throws Exception {
        return send(filter, method, authentication, address);
    }

    private static MockHttpServletResponse send(RateLimitFilter filter, String method, Authentication authentication,
                                                String address) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(method, address), response, (request, answer) -> { });
        return response;
    }

    private static MockHttpServletRequest request(String method, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/anything");
        request.setRemoteAddr(address);
        return request;
    }

    private static Authentication caller(String subject, String partnerId) {
        Jwt.Builder token = Jwt.withTokenValue("token-of-" + subject).header("alg", "HS256").subject(subject);
        if (partnerId != null) {
            token.claim("partner_id", partnerId);
        }
        return new JwtAuthenticationToken(token.build());
    }
}
