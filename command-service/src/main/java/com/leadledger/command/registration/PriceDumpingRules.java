package com.leadledger.command.registration;

import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.DumpingRule;
import com.leadledger.events.registration.PossibleDumpingFlagged;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a WON outcome is possible price dumping. The registered value is the list price; the final value implies the
 * discount {@code (registered − final) / registered}. The rules compare exactly (no rounding), so a final value right
 * at a limit is within it: the implied discount must not exceed the approved one (0 for a registration never
 * approved), and the final value must not be below the product line's floor in the policy in force. A final value in
 * another currency than the registered one cannot be compared and is not flagged.
 */
final class PriceDumpingRules {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private PriceDumpingRules() {
    }

    static Optional<PossibleDumpingFlagged> check(String opportunityId, String productLine,
                                                  FiledRegistration registration, Money finalValue,
                                                  PublishedPolicy policy, Instant now) {
        Money registered = registration.registeredValue();
        if (registered == null || registered.amount().signum() <= 0
                || !registered.currency().equals(finalValue.currency())) {
            return Optional.empty();
        }
        BigDecimal approved = registration.approvedDiscountPercent() == null ? BigDecimal.ZERO
                : registration.approvedDiscountPercent();
        List<DumpingRule> fired = new ArrayList<>();
        if (finalValue.amount().compareTo(shareOf(registered, HUNDRED.subtract(approved))) < 0) {
            fired.add(DumpingRule.DISCOUNT_ABOVE_APPROVED);
        }
        PolicyDocument.PriceFloor floor = policy.policy().priceFloor(productLine).orElse(null);
        Money floorValue = floor == null ? null
                : new Money(plain(shareOf(registered, floor.minimumSharePercent())), registered.currency());
        if (floorValue != null && finalValue.amount().compareTo(floorValue.amount()) < 0) {
            fired.add(DumpingRule.BELOW_POLICY_FLOOR);
        }
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal implied = registered.amount().subtract(finalValue.amount()).multiply(HUNDRED)
                .divide(registered.amount(), 2, RoundingMode.HALF_UP);
        return Optional.of(new PossibleDumpingFlagged(opportunityId, registration.registrationId(),
                registration.partnerId(), DumpingFlagIds.ofRegistration(registration.registrationId()), productLine, registered,
                finalValue, approved, implied, floor, floorValue, List.copyOf(fired), policy.version(), now));
    }

    /** The amount without trailing zeros, as a plain number (875000, not 875000.0000 nor 8.75E+5). */
    private static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code percent} % of the registered amount, exactly. */
    private static BigDecimal shareOf(Money registered, BigDecimal percent) {
        return registered.amount().multiply(percent).movePointLeft(2);
    }
}
