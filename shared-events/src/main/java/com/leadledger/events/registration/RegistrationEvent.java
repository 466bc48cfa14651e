package com.leadledger.events.registration;

import com.leadledger.events.LeadLedgerEvent;

/** What happens to a registration; the Opportunity aggregate it was filed on publishes it. */
public sealed interface RegistrationEvent extends LeadLedgerEvent
        permits RegistrationSubmitted, ReviewSlaStarted, ReviewEscalated, RegistrationBecameReviewable,
        RegistrationApproved, RegistrationRejected, EarlierRegistrationNoticeIssued, RegistrationWithdrawn,
        RegistrationExpired, RegistrationRevoked, RegistrationRevocationReversed, ExtensionRequested,
        ExtensionGranted, ExtensionRefused, RegistrationWon, RegistrationLost, PossibleDumpingFlagged,
        PossibleDumpingDismissed, PossibleDumpingDisputed {

    String opportunityId();

    String registrationId();
}
