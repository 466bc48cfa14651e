package com.leadledger.command.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Staff approve a registration. {@code protectionDays} and {@code discountPercent} were already checked against the
 * partner's tier in policy {@code policyVersion}; {@code rulingDisputeId} may lift the first-to-register rule.
 */
public record ApproveRegistration(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        BigDecimal discountPercent,
        int protectionDays,
        String note,
        String rulingDisputeId,
        long policyVersion) {
}
