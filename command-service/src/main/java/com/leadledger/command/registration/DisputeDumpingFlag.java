package com.leadledger.command.registration;

import com.leadledger.command.common.RegistrationAddressed;
import com.leadledger.events.common.Money;

import java.math.BigDecimal;

/**
 * Staff take a possible-dumping flag to the PRICE_DUMPING dispute {@code disputeId}; answers the flag's numbers, which
 * the dispute is opened with.
 */
public record DisputeDumpingFlag(String registrationId, String flagId, String disputeId, String openedBy)
        implements RegistrationAddressed {

    /** What the dispute opened from the flag is pre-filled with. */
    public record FlagFacts(String opportunityId, String registrationId, String partnerId, Money registeredValue,
                            Money finalValue, BigDecimal approvedDiscountPercent,
                            BigDecimal impliedDiscountPercent) {
    }
}
