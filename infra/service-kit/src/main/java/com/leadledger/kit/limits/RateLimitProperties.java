package com.leadledger.kit.limits;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per caller (a partner, else the token subject) and instance.
 *
 * @param perSecond sustained requests per second; 0 turns the limit off
 * @param burst     requests allowed at once above the sustained rate
 */
@ConfigurationProperties("leadledger.rate-limit")
@Validated
public record RateLimitProperties(@Min(0) @DefaultValue("50") long perSecond, @Min(0) @DefaultValue("100") long burst) {
}
