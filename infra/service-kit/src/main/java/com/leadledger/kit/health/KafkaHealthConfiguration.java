package com.leadledger.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** Adds {@code kafka} to {@code /actuator/health} in both services. */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.AdminClient")
@ConditionalOnProperty(value = "leadledger.health.kafka.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, KafkaHealthProperties health) {
        return new KafkaHealthIndicator(String.join(",", kafka.getBootstrapServers()), health.timeout());
    }
}
