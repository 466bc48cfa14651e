package com.leadledger.console.admin;

import com.leadledger.console.api.Problem;

/**
 * What became of an admin's change to a partner, shown on the page it leads back to: the change the command service
 * confirmed ({@code ONBOARDED}, {@code TIER_CHANGED} …), or its refusal.
 */
public record PartnerChange(String partnerId, String change, Problem problem) {

    static PartnerChange done(String partnerId, String change) {
        return new PartnerChange(partnerId, change, null);
    }

    static PartnerChange refused(String partnerId, Problem problem) {
        return new PartnerChange(partnerId, null, problem);
    }

    public boolean isRefused() {
        return problem != null;
    }
}
