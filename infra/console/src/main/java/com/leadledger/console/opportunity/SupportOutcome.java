package com.leadledger.console.opportunity;

import com.leadledger.console.api.Problem;

/**
 * What became of a support decision just sent: recorded (as the event {@code eventId}), or refused by the API with its
 * problem.
 */
public record SupportOutcome(String action, String registrationId, String eventId, Problem problem) {

    public boolean isRefused() {
        return problem != null;
    }
}
