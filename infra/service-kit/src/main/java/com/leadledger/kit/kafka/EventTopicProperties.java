package com.leadledger.kit.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event topic both services share (key = aggregate id, so each aggregate's events keep their order): the one
 * place its layout is declared.
 *
 * @param topic      its name ({@code LEADLEDGER_TOPIC})
 * @param partitions partitions when a service creates it (at most this many query consumers share the work)
 * @param replicas   replication factor when a service creates it
 */
@ConfigurationProperties("leadledger.kafka")
@Validated
public record EventTopicProperties(
        @NotBlank @DefaultValue("leadledger.events") String topic,
        @Min(1) @DefaultValue("6") int partitions,
        @Min(1) @DefaultValue("1") short replicas) {
}
