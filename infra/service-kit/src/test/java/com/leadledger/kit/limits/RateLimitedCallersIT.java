package com.leadledger.kit.limits;

import com.leadledger.kit.testapp.KitApplicationTestBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits over real HTTP through the services' security chain (docs/operations.md, "Request limits and
 * idempotency"): a caller's reads and writes and the requests of a client address without a valid token each have a
 * budget; beyond it 429 problem+json with {@code Retry-After}, the whole seconds after which a request is admitted
 * again. Here writes 2/s (burst 10), reads 2/s (burst 20), without a token 1/s (burst 6), on a clock that stands still
 * until the test moves it.
 */
class RateLimitedCallersIT extends KitApplicationTestBase {

    private static final String RATE_LIMITED = """
            {"type":"urn:leadledger:problem:rate-limited","title":"Too Many Requests","status":429,
             "detail":"Too many requests; retry after 1 s.","code":"RATE_LIMITED","errors":[]}""";

    private final String address = uniqueAddress();
    private final String partner = unique("P");
    private final String token = token(unique("user"), List.of("PARTNER"), partner);

    @Test
    void aCallersReadsBeyondTheirBudgetAreRefusedWithRetryAfter() {
        assertThat(statuses(21, () -> get("/probe/me").token(token).from(address).send()))
                .containsExactlyElementsOf(expected(20, 200));

        Answer refused = get("/probe/me").token(token).from(address).send();
        assertProblem(refused, 429, RATE_LIMITED);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(post("/probe/actions").token(token).from(address).json("{\"name\":\"w\"}").send().status())
                .as("writes have a budget of their own").isEqualTo(201);
        assertThat(get("/probe/me").token(token(unique("colleague"), List.of("PARTNER"), partner)).from(uniqueAddress())
                .send().status()).as("the partner is the caller, whichever of its users and addresses").isEqualTo(429);
    }

    @Test
    void aCallersWritesBeyondTheirBudgetWaitForTheNextToken() {
        assertThat(statuses(11, this::write)).containsExactlyElementsOf(expected(10, 201));

        Answer refused = write();
        assertProblem(refused, 429, RATE_LIMITED);
        assertThat(refused.header("Retry-After")).as("half a second to the next token, rounded up").isEqualTo("1");
        rateLimitTime.advance(Duration.ofMillis(499));
        assertThat(write().status()).isEqualTo(429);
        rateLimitTime.advance(Duration.ofMillis(1));
        assertThat(write().status()).isEqualTo(201);
        assertThat(write().status()).isEqualTo(429);
    }

    @Test
    void oneCallersExhaustedBudgetLimitsNoOtherCaller() {
        statuses(11, this::write);
        assertThat(write().status()).isEqualTo(429);

        String otherPartner = token(unique("user"), List.of("PARTNER"), unique("P"));
        String manager = token(unique("manager"), List.of("CHANNEL_MANAGER"), null);
        assertThat(statuses(11, () -> post("/probe/actions").token(otherPartner).from(address)
                .json("{\"name\":\"x\"}").send())).containsExactlyElementsOf(expected(10, 201));
        assertThat(statuses(11, () -> post("/probe/actions").token(manager).from(address)
                .json("{\"name\":\"x\"}").send())).as("staff: per token subject")
                .containsExactlyElementsOf(expected(10, 201));
        assertThat(get("/probe/me").from(address).send().status()).as("requests without a token from that address")
                .isEqualTo(401);
    }

    @Test
    void requestsWithoutAValidTokenSpendTheBudgetOfTheirAddress() {
        assertThat(statuses(7, () -> get("/probe/me").from(address).send()))
                .containsExactlyElementsOf(expected(6, 401));

        Answer refused = get("/probe/me").from(address).send();
        assertProblem(refused, 429, RATE_LIMITED);
        assertThat(refused.header("Retry-After")).as("one second to the next token").isEqualTo("1");
        assertThat(get("/probe/me").token("not-a-token").from(address).send().status())
                .as("a token that does not verify spends the same budget").isEqualTo(429);
        assertThat(get("/probe/me").from(uniqueAddress()).send().status()).as("another address").isEqualTo(401);
        assertThat(get("/probe/me").token(token).from(address).send().status())
                .as("a caller with a valid token from that address").isEqualTo(200);

        rateLimitTime.advance(Duration.ofMillis(999));
        Answer stillRefused = get("/probe/me").from(address).send();
        assertThat(stillRefused.status()).isEqualTo(429);
        assertThat(stillRefused.header("Retry-After")).isEqualTo("1");
        rateLimitTime.advance(Duration.ofMillis(1));
        assertThat(get("/probe/me").from(address).send().status()).as("after Retry-After").isEqualTo(401);
    }

    private Answer write() {
        return post("/probe/actions").token(token).from(address).json("{\"name\":\"" + partner + "\"}").send();
    }

    /** {@code count} times {@code status}, then one 429. */
    private static List<Integer> expected(int count, int status) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(status);
        }
        statuses.add(429);
        return statuses;
    }

    private static List<Integer> statuses(int count, Supplier<Answer> request) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(request.get().status());
        }
        return statuses;
    }
}
