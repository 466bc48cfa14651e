package com.leadledger.events.opportunity;

import com.leadledger.events.LeadLedgerEvent;

/** What happens to an opportunity as a whole: its opening, vendor support, recorded rulings. */
public sealed interface OpportunityEvent extends LeadLedgerEvent
        permits OpportunityOpened, SupportGranted, SupportMoved, SupportWithdrawn, RulingRecorded,
        SupportEvidenceRecorded {

    String opportunityId();
}
