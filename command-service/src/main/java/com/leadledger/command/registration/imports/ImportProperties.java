package com.leadledger.command.registration.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param maxRows rows one file may hold
 * @param poll    how often an instance looks for rows left undecided (by an instance that stopped midway)
 */
@ConfigurationProperties("leadledger.imports")
@Validated
record ImportProperties(@Min(1) @Max(100_000) @DefaultValue("10000") int maxRows,
                        @DefaultValue("10s") Duration poll) {
}
