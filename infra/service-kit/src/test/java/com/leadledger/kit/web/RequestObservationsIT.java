package com.leadledger.kit.web;

import com.leadledger.kit.testapp.KitApplicationTestBase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is observed as a whole ({@code http.server.requests}), not filter by filter through Spring Security's
 * chain: those per-filter observations cost a fifth of a lookup's request-thread time (docs/performance.md).
 */
class RequestObservationsIT extends KitApplicationTestBase {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRequestIsTimedAsAWholeAndSpringSecurityObservesNothing() {
        Answer me = get("/probe/me").token(token("erin", List.of("PARTNER"), "P-9")).from(uniqueAddress()).send();
        assertThat(me.status()).isEqualTo(200);
        Answer refused = get("/probe/me").token("not-a-token").from(uniqueAddress()).send();
        assertThat(refused.status()).isEqualTo(401);

        assertThat(meters.find("http.server.requests").timers()).as("requests are timed").isNotEmpty();
        assertThat(meters.getMeters()).map(Meter::getId).map(Meter.Id::getName)
                .as("no Spring Security observation meters (filter chains, authentications, authorizations)")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
