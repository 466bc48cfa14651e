package com.leadledger.command.it;

import com.leadledger.testsupport.DevTokens;
import com.leadledger.testsupport.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/** Points a command-service test context at a fresh database on the real PostgreSQL and its own topic on real Kafka. */
final class RealInfrastructure {

    private RealInfrastructure() {
    }

    static void register(DynamicPropertyRegistry registry, String name) {
        var pg = TestInfrastructure.postgres();
        String url = pg.jdbcUrl(pg.freshDatabase(name));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("leadledger.kafka.topic", () -> "leadledger.events." + name + "-" + UUID.randomUUID());
        registry.add("leadledger.security.dev-jwt-secret", () -> DevTokens.DEFAULT_SECRET);
    }
}
