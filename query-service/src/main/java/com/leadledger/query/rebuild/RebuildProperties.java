package com.leadledger.query.rebuild;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param batchSize events per transaction of a projection rebuild */
@ConfigurationProperties("leadledger.rebuild")
@Validated
public record RebuildProperties(@Min(1) @DefaultValue("5000") int batchSize) {
}
