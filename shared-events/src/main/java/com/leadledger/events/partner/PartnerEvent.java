package com.leadledger.events.partner;

import com.leadledger.events.LeadLedgerEvent;

/** What happens to a partner of the channel program. */
public sealed interface PartnerEvent extends LeadLedgerEvent
        permits PartnerOnboarded, PartnerTierChanged, PartnerProductLinesChanged, PartnerSuspended,
        PartnerReinstated, PartnerPenalized, PartnerPenaltyReversed, PartnerContactsChanged, WebhookSubscribed,
        WebhookSecretRotated, WebhookRemoved {

    String partnerId();
}
