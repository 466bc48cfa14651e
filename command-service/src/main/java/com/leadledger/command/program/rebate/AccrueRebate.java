package com.leadledger.command.program.rebate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accrue a partner's rebate for a closed period (once; a repeat accrues nothing). */
record AccrueRebate(@TargetAggregateIdentifier String rebateId, String partnerId, String period) {

    static AccrueRebate of(String partnerId, RebatePeriod period) {
        return new AccrueRebate(period.rebateId(partnerId), partnerId, period.name());
    }
}
