package com.leadledger.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Adds {@code kafka} to {@code /actuator/health} in both services. The check connects as Spring's admin does (the same
 * bootstrap servers and security settings), so it tells whether the service itself can reach the brokers.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.AdminClient")
@ConditionalOnProperty(value = "leadledger.health.kafka.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaHealthProperties health) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties(), health.timeout());
    }
}
