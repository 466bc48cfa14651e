package com.leadledger.command.it;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * One running command service for every integration test class that needs no setting of its own: they share this
 * configuration (and declare no {@code @DynamicPropertySource}, {@code @DirtiesContext} or test configuration of
 * their own), so Spring's test context cache starts it once. Real PostgreSQL (one fresh database) and a real Kafka
 * broker (one topic of its own), the local profile's dev tokens, rate limits off (the tests send many requests from
 * one address). Tests here never assume a fresh database: they use fresh partners and customers and count only what
 * they wrote themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadledger.rate-limit.per-second=0", "leadledger.rate-limit.read-per-second=0",
        "leadledger.rate-limit.anonymous-per-second=0"})
abstract class CommandServiceITBase {

    static final String TOPIC = "leadledger.events.command-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void sharedInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command_it");
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }
}
