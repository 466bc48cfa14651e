package com.leadledger.events.dispute;

/**
 * What an upheld ruling changes outside the dispute: the registration named rightful on the dispute's opportunity
 * (null: none), whether the respondent's registration loses its protection, and the penalty points the respondent
 * partner gets (0: none). A dismissed ruling has {@link #NONE}.
 */
public record RulingEffects(String rightfulRegistrationId, boolean revokeRespondentProtection, int penaltyPoints) {

    public static final RulingEffects NONE = new RulingEffects(null, false, 0);

    public boolean ordersNothing() {
        return rightfulRegistrationId == null && !revokeRespondentProtection && penaltyPoints == 0;
    }
}
