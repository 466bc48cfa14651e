package com.leadledger.console.dumping;

import com.leadledger.console.api.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A possible-dumping flag as the API answers it. */
public record DumpingFlag(String flagId, String status, String opportunityId, String registrationId, String partnerId,
                          String productLine, Money registeredValue, Money finalValue,
                          BigDecimal approvedDiscountPercent, BigDecimal impliedDiscountPercent, Floor floor,
                          Money floorValue, List<String> rules, long policyVersion, Instant flaggedAt,
                          String disputeId) {

    /** The policy's floor: a maximum discount or a minimum share of the registered value, in percent. */
    public record Floor(BigDecimal maxDiscountPercent, BigDecimal minShareOfRegisteredPercent) {
    }
}
