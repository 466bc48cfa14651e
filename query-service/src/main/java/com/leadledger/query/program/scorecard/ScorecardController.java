package com.leadledger.query.program.scorecard;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.AsOfParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/**
 * A partner's scorecard as of an instant: the partner itself, vendor staff, auditors and admins (see
 * SecurityConfig); another partner's id is not found, exactly like one that does not exist. Read in one repeatable
 * snapshot so that every part sees the same event log.
 */
@Tag(name = "program")
@RestController
class ScorecardController {

    static final String EXAMPLE = """
            {"partnerId": "P-ALPHA", "asOf": "2026-12-01T09:30:00Z", "policyVersion": 3,
             "earlyRegistration": {"from": "2025-12-01T09:30:00Z", "to": "2026-12-01T09:30:00Z", "earlyDays": 60,
              "registrations": 8, "early": 5, "earlyShare": 0.6250, "medianDaysBeforeClose": 41.5,
              "quarters": [{"quarter": "2026-Q2", "registrations": 3, "earlyShare": 1.0000},
                           {"quarter": "2026-Q3", "registrations": 2, "earlyShare": 0.5000},
                           {"quarter": "2026-Q4", "registrations": 3, "earlyShare": 0.3333}],
              "dropThreshold": 0.20, "earlyRegistrationDrop": true}}""";

    private final Scorecard scorecard;
    private final Clock clock;

    ScorecardController(Scorecard scorecard, Clock clock) {
        this.scorecard = scorecard;
        this.clock = clock;
    }

    @Operation(operationId = "partnerScorecard", summary = "Read a partner's scorecard",
            description = "The partner's standing in the partner program as of an instant (default now), computed "
                    + "from the events stored up to it under the policy in force then: the policy version, and one "
                    + "field per scorecard part (tier with the next tier's requirements and progress, points, "
                    + "rebates, the early-registration indicator). Nothing about other partners. Role: the partner "
                    + "itself, staff, AUDITOR, ADMIN; another partner's id is 404, as is a partner not onboarded "
                    + "as of the instant.")
    @ApiResponse(responseCode = "200", description = "The scorecard as of the instant.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScorecardAnswer.class),
                    examples = @ExampleObject(name = "scorecard", value = EXAMPLE)))
    @GetMapping("/api/v1/partners/{partnerId}/scorecard")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> scorecard(
            @PathVariable String partnerId,
            @Parameter(description = "The instant the scorecard is computed as of: an ISO-8601 UTC instant, not in "
                    + "the future; default now.", example = "2026-12-01T09:30:00Z")
            @RequestParam(required = false) String asOf,
            Authentication authentication) {
        Actor actor = Actor.from(authentication);
        if (actor.isPartnerOnly() && !partnerId.equals(actor.partnerId())) {
            throw RuleViolation.notFound("partner");
        }
        return scorecard.of(partnerId, AsOfParameter.of(asOf, clock.instant()));
    }
}
