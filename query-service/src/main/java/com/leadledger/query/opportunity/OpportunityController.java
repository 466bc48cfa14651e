package com.leadledger.query.opportunity;

import com.leadledger.kit.domain.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opportunities with their ranking and vendor support history. Vendor staff, auditors and admins only (see
 * SecurityConfig); never partners.
 */
@Tag(name = "opportunities")
@RestController
@RequestMapping("/api/v1/opportunities")
class OpportunityController {

    private final OpportunityLookup opportunities;

    OpportunityController(OpportunityLookup opportunities) {
        this.opportunities = opportunities;
    }

    @Operation(operationId = "getOpportunity", summary = "Read an opportunity",
            description = "An opportunity with the ranking of its registrations (first registered first), the "
                    + "supported registration and the support history. Role: staff, AUDITOR.")
    @GetMapping("/{opportunityId}")
    public OpportunityResponse get(@PathVariable String opportunityId) {
        return opportunities.find(opportunityId).orElseThrow(() -> RuleViolation.notFound("opportunity"));
    }
}
