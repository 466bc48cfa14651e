package com.leadledger.kit.kafka;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SASL/SCRAM credentials both services authenticate to Kafka with, used while the security protocol
 * ({@code LEADLEDGER_KAFKA_SECURITY_PROTOCOL}) is {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * ({@link KafkaClientAuthentication}).
 *
 * @param mechanism {@code SCRAM-SHA-512} or {@code SCRAM-SHA-256} ({@code LEADLEDGER_KAFKA_SASL_MECHANISM})
 * @param username  the service's Kafka user ({@code LEADLEDGER_KAFKA_USERNAME})
 * @param password  its password ({@code LEADLEDGER_KAFKA_PASSWORD}); any characters
 */
@ConfigurationProperties("leadledger.kafka.sasl")
@Validated
public record KafkaSaslProperties(
        @DefaultValue("SCRAM-SHA-512")
        @Pattern(regexp = "SCRAM-SHA-(256|512)",
                message = "set LEADLEDGER_KAFKA_SASL_MECHANISM to SCRAM-SHA-512 or SCRAM-SHA-256")
        String mechanism,
        String username,
        String password) {

    boolean hasUsername() {
        return username != null && !username.isEmpty();
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** Never the password: this record may end up in a log or a startup failure. */
    @Override
    public String toString() {
        return "KafkaSaslProperties[mechanism=" + mechanism + ", username=" + username + ", password="
                + (hasPassword() ? "(set)" : "(not set)") + "]";
    }
}
