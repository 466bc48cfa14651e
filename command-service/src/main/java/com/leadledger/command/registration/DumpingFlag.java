package com.leadledger.command.registration;

import com.leadledger.events.common.Money;

import java.math.BigDecimal;

/**
 * The opportunity's memory of one possible-dumping flag: the numbers a dispute opened from it is pre-filled with, and
 * whether staff already dismissed it or took it to a dispute. Immutable.
 */
record DumpingFlag(
        String flagId,
        String registrationId,
        String partnerId,
        Money registeredValue,
        Money finalValue,
        BigDecimal approvedDiscountPercent,
        BigDecimal impliedDiscountPercent,
        String disputeId,
        boolean dismissed) {

    DumpingFlag disputedIn(String id) {
        return new DumpingFlag(flagId, registrationId, partnerId, registeredValue, finalValue,
                approvedDiscountPercent, impliedDiscountPercent, id, dismissed);
    }

    DumpingFlag dismiss() {
        return new DumpingFlag(flagId, registrationId, partnerId, registeredValue, finalValue,
                approvedDiscountPercent, impliedDiscountPercent, disputeId, true);
    }
}
