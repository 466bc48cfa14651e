package com.leadledger.query.it;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@code leadledger.api-docs.public} is false (every profile but local), the API docs need a valid token. A
 * second running query service: it reads the shared test topic in a consumer group of its own, so the other test
 * classes' service still receives every event.
 */
@TestPropertySource(properties = {"leadledger.api-docs.public=false",
        "spring.kafka.consumer.group-id=query-it-private-api-docs"})
class ApiDocsNeedATokenOutsideLocalIT extends QueryServiceITBase {

    @Test
    void apiDocsAndSwaggerUiNeedATokenWhenNotPublic() {
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(401);
        assertThat(http.get("/swagger-ui.html", null, "text/html").status()).isEqualTo(401);
        var docs = http.get("/v3/api-docs", partnerToken("P-DOCS-1"));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/registrations")).isTrue();
    }

    @Test
    void theHealthStatusStaysPublic() {
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
