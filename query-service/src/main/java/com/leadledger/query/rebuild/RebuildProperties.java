package com.leadledger.query.rebuild;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize events per batch of a projection rebuild
 * @param writers   connections that write one batch's projections at once (each projection writes its own table)
 */
@ConfigurationProperties("leadledger.rebuild")
@Validated
public record RebuildProperties(@Min(1) @DefaultValue("5000") int batchSize, @Min(1) @DefaultValue("2") int writers) {
}
