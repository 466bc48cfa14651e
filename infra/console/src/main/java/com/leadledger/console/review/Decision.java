package com.leadledger.console.review;

import com.leadledger.console.api.Problem;

import java.time.Instant;

/**
 * What became of a decision the user just sent, shown next to its registration: approved (with the protection's
 * end), rejected, or refused by the API with its problem.
 */
public record Decision(String registrationId, String outcome, Instant protectedUntil, Problem problem) {

    static Decision approved(String registrationId, Instant protectedUntil) {
        return new Decision(registrationId, "APPROVED", protectedUntil, null);
    }

    static Decision rejected(String registrationId) {
        return new Decision(registrationId, "REJECTED", null, null);
    }

    static Decision refused(String registrationId, Problem problem) {
        return new Decision(registrationId, "REFUSED", null, problem);
    }

    public boolean isRefused() {
        return problem != null;
    }
}
