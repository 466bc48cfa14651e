package com.leadledger.events.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A WON outcome's final value implies a discount beyond the partner's approved one, or lies below the policy's price
 * floor: a lead for staff, never a penalty or a finding by itself (the partner is not told). Recorded with the WON in
 * the same unit of work, with every number the rules used.
 *
 * @param flagId                  the flag's id ({@code DF-} and the registration id: a registration is won once)
 * @param registeredValue         the estimated value the partner registered, taken as the list price
 * @param approvedDiscountPercent the discount staff approved; 0 when the registration was never approved
 * @param impliedDiscountPercent  {@code (registered − final) / registered × 100}, rounded half up to two decimals
 * @param floor                   the product line's price floor in policy {@code policyVersion}; null when none
 * @param floorValue              the lowest final value the floor accepts; null when there is no floor
 * @param rules                   the rules that fired, at least one
 */
public record PossibleDumpingFlagged(
        String opportunityId,
        String registrationId,
        String partnerId,
        String flagId,
        String productLine,
        Money registeredValue,
        Money finalValue,
        BigDecimal approvedDiscountPercent,
        BigDecimal impliedDiscountPercent,
        PolicyDocument.PriceFloor floor,
        Money floorValue,
        List<DumpingRule> rules,
        long policyVersion,
        Instant flaggedAt) implements RegistrationEvent {
}
