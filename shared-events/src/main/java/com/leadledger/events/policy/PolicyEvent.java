package com.leadledger.events.policy;

import com.leadledger.events.LeadLedgerEvent;

/** The publication of a policy version. */
public sealed interface PolicyEvent extends LeadLedgerEvent permits PolicyPublished {

    long version();
}
