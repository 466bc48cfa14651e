package com.leadledger.kit.limits;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodyBytes        larger request bodies are refused with 413
 * @param maxCsvBodyBytes     the same for CSV files ({@code text/csv}, such as a registrations import)
 * @param maxJsonDepth        deeper JSON is refused with 400
 * @param maxJsonStringLength longer JSON strings are refused with 400
 */
@ConfigurationProperties("leadledger.limits")
@Validated
public record RequestLimitProperties(
        @Min(1) @DefaultValue("65536") long maxBodyBytes,
        @Min(1) @DefaultValue("8388608") long maxCsvBodyBytes,
        @Min(1) @DefaultValue("32") int maxJsonDepth,
        @Min(1) @DefaultValue("100000") int maxJsonStringLength) {
}
