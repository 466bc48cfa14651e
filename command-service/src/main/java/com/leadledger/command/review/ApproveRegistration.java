package com.leadledger.command.review;

import com.leadledger.command.common.RegistrationAddressed;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Staff approve a registration with a deal discount and a protection period ({@code protectionDays} null for the
 * partner tier's). The tier's limits under the policy in force, first-to-register and a ruling that may lift it are
 * checked by the opportunity.
 */
public record ApproveRegistration(String registrationId, BigDecimal discountPercent, Integer protectionDays,
                                  String note, String rulingDisputeId) implements RegistrationAddressed {

    /** When the protection ends, and the policy version the approval applied. */
    public record Result(Instant protectedUntil, long policyVersion) {
    }
}
