package com.leadledger.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Duration;

/** Adds {@code kafka} to {@code /actuator/health} in both services. */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.AdminClient")
@ConditionalOnProperty(value = "leadledger.health.kafka.enabled", matchIfMissing = true)
public class KafkaHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, Environment env) {
        Duration timeout = env.getProperty("leadledger.health.kafka.timeout", Duration.class, Duration.ofSeconds(3));
        return new KafkaHealthIndicator(String.join(",", kafka.getBootstrapServers()), timeout);
    }
}
