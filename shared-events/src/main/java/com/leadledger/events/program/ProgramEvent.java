package com.leadledger.events.program;

import com.leadledger.events.LeadLedgerEvent;

/** What the partner program records about a partner: its tier qualification, its points and its rebates. */
public sealed interface ProgramEvent extends LeadLedgerEvent permits TierEvent, PointsEvent, RebateEvent {

    String partnerId();
}
