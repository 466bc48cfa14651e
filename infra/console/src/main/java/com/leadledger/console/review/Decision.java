package com.leadledger.console.review;

import com.leadledger.console.api.Problem;

import java.time.Instant;

/**
 * What became of a decision the user just sent, shown next to its registration: approved (with the protection's
 * end), rejected, or refused by the API with its problem. A recorded decision names the event it was recorded as and
 * the opportunity (the aggregate) whose audit history holds it, when the query side could tell.
 */
public record Decision(String registrationId, String outcome, Instant protectedUntil, Problem problem,
                       String eventId, String opportunityId) {

    static Decision approved(String registrationId, Instant protectedUntil, String eventId, String opportunityId) {
        return new Decision(registrationId, "APPROVED", protectedUntil, null, eventId, opportunityId);
    }

    static Decision rejected(String registrationId, String eventId, String opportunityId) {
        return new Decision(registrationId, "REJECTED", null, null, eventId, opportunityId);
    }

    static Decision refused(String registrationId, Problem problem) {
        return new Decision(registrationId, "REFUSED", null, problem, null, null);
    }

    public boolean isRefused() {
        return problem != null;
    }
}
