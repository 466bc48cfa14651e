package com.leadledger.query.program.scorecard;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * The shape of the scorecard answer for the API documentation: the fixed fields; each deployed scorecard part adds
 * one more field under its name ({@code tier}, {@code points}, {@code rebates}, {@code earlyRegistration}).
 */
@Schema(name = "Scorecard", description = "The fixed fields; each scorecard part adds one field under its name "
        + "(tier, points, rebates, earlyRegistration).", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
record ScorecardAnswer(
        @Schema(description = "The partner the scorecard is of.", example = "P-ALPHA") String partnerId,
        @Schema(description = "The instant it is computed as of.", example = "2026-12-01T09:30:00Z") Instant asOf,
        @Schema(description = "The policy version in force at asOf; null before the first publication.",
                example = "3") Long policyVersion) {
}
