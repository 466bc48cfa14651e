package com.leadledger.query.it;

import com.leadledger.localruntime.DevTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side limits reads per caller too (with the service's default budgets, which are generous: a caller has to
 * hammer to meet them), apart from its writes.
 */
class RateLimitsIT extends QueryServiceITBase {

    static final String NO_SUCH_DEAD_LETTER = "/api/v1/admin/dead-letters/999999999999";

    @Test
    void getsAreLimitedPerCaller() throws Exception {
        String admin = DevTokens.mint("admin-" + UUID.randomUUID(), List.of("ADMIN"), null);

        Http.Response limited = hammer(NO_SUCH_DEAD_LETTER, admin);

        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.body().get("code").asText()).isEqualTo("RATE_LIMITED");
        // one token short, at the default 100 reads per second: back within the next second
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.body().get("detail").asText()).isEqualTo("Too many requests; retry after 1 s.");
        assertThat(http.post(NO_SUCH_DEAD_LETTER + "/retry", admin, "").status())
                .as("writes have their own budget").isEqualTo(404);
        String otherAdmin = DevTokens.mint("admin-" + UUID.randomUUID(), List.of("ADMIN"), null);
        assertThat(http.get(NO_SUCH_DEAD_LETTER, otherAdmin).status()).as("another caller").isEqualTo(404);
    }

    /** Reads as fast as 16 clients can until one is refused (at most 20,000), and returns that refusal. */
    Http.Response hammer(String path, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 50; round++) {
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    answers.add(pool.submit(() -> http.get(path, token)));
                }
                Http.Response refused = null;
                for (Future<Http.Response> answer : answers) {
                    Http.Response response = answer.get();
                    assertThat(response.status()).as(response.text()).isIn(404, 429);
                    if (response.status() == 429 && refused == null) {
                        refused = response;
                    }
                }
                if (refused != null) {
                    return refused;
                }
            }
            throw new AssertionError("20,000 reads of one caller and none was refused");
        } finally {
            pool.shutdownNow();
        }
    }
}
