package com.leadledger.console.admin;

import com.leadledger.console.api.Problem;

/**
 * What became of an admin's change to a partner, shown on the page it leads back to: the change the command service
 * confirmed ({@code ONBOARDED}, {@code TIER_CHANGED} …) with the id of the event it was recorded as, or its refusal.
 */
public record PartnerChange(String partnerId, String change, String eventId, Problem problem) {

    static PartnerChange done(String partnerId, String change, String eventId) {
        return new PartnerChange(partnerId, change, eventId, null);
    }

    static PartnerChange refused(String partnerId, Problem problem) {
        return new PartnerChange(partnerId, null, null, problem);
    }

    public boolean isRefused() {
        return problem != null;
    }
}
