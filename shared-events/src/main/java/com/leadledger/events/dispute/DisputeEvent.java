package com.leadledger.events.dispute;

import com.leadledger.events.LeadLedgerEvent;

/** What happens to a dispute in its own stream; its effects on other aggregates are their events. */
public sealed interface DisputeEvent extends LeadLedgerEvent
        permits DisputeOpened, DisputeEvidenceAdded, DisputeRespondentLinked, DisputeAssigned, DisputeEscalated,
        DisputeRuled, DisputeAppealed {

    String disputeId();
}
