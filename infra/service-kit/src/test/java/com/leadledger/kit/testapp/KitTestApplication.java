package com.leadledger.kit.testapp;

import com.leadledger.kit.idempotency.IdempotencyFilter;
import com.leadledger.kit.idempotency.IdempotencyProperties;
import com.leadledger.kit.idempotency.IdempotencyStore;
import com.leadledger.kit.limits.ManualTimeMeter;
import com.leadledger.kit.limits.RateLimitFilter;
import com.leadledger.kit.limits.RateLimitProperties;
import com.leadledger.kit.security.ApiDocsProperties;
import com.leadledger.kit.security.JwtSecurity;
import com.leadledger.localruntime.ProjectPaths;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;

/**
 * A small service built from the kit the way both services are: the shared security chain with the rate limit and
 * Idempotency-Key handling, the problem+json advice, the token decoder, on a real PostgreSQL. Its clocks (the
 * idempotency store's, the rate limit's) move only when a test moves them.
 */
@SpringBootApplication(excludeName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "com.leadledger.kit.kafka.EventTopicConfiguration"})
public class KitTestApplication {

    /** The idempotency table exactly as the services' migrations create it. */
    static final String IDEMPOTENCY_MIGRATION = "command-service/src/main/resources/db/migration/V13__idempotency_keys.sql";

    @Bean
    SecurityFilterChain probeSecurity(HttpSecurity http, JsonMapper mapper, RateLimitFilter rateLimit,
                                      IdempotencyFilter idempotency, ApiDocsProperties apiDocs) throws Exception {
        return JwtSecurity.base(http, mapper, rateLimit, idempotency)
                .authorizeHttpRequests(auth -> JwtSecurity.operationalEndpoints(auth, apiDocs)
                        .requestMatchers("/probe/partners-only").hasRole("PARTNER")
                        .requestMatchers("/probe/**").authenticated()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    ManualClock idempotencyClock() {
        return new ManualClock();
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, IdempotencyProperties properties, ManualClock clock) {
        return new IdempotencyStore(jdbc, properties.retention(), clock);
    }

    @Bean
    ManualTimeMeter rateLimitTime() {
        return new ManualTimeMeter();
    }

    @Bean
    RateLimitFilter rateLimitFilter(JsonMapper mapper, RateLimitProperties limits, ManualTimeMeter time) {
        return time.filter(mapper, limits);
    }

    @Bean
    ApplicationRunner schema(JdbcClient jdbc) {
        return args -> {
            jdbc.sql(migration()).update();
            jdbc.sql("CREATE TABLE probe_execution (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL)").update();
        };
    }

    private static String migration() throws IOException {
        return Files.readString(ProjectPaths.root().resolve(IDEMPOTENCY_MIGRATION));
    }
}
