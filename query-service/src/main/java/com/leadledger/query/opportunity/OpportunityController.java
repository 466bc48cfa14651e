package com.leadledger.query.opportunity;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.query.registration.RegistrationViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
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

    private final OpportunityViewRepository opportunities;
    private final RegistrationViewRepository registrations;
    private final SupportHistoryRepository supportHistory;

    OpportunityController(OpportunityViewRepository opportunities, RegistrationViewRepository registrations,
                          SupportHistoryRepository supportHistory) {
        this.opportunities = opportunities;
        this.registrations = registrations;
        this.supportHistory = supportHistory;
    }

    @Operation(operationId = "getOpportunity", summary = "Read an opportunity",
            description = "An opportunity with the ranking of its registrations (first registered first), the "
                    + "supported registration and the support history. Role: staff, AUDITOR.")
    @GetMapping("/{opportunityId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public OpportunityResponse get(@PathVariable String opportunityId) {
        OpportunityView opportunity = opportunities.find(opportunityId)
                .orElseThrow(() -> RuleViolation.notFound("opportunity"));
        return OpportunityResponse.of(opportunity, registrations.findByOpportunity(opportunityId),
                supportHistory.ofOpportunity(opportunityId));
    }
}
