package com.leadledger.console.opportunity;

import com.leadledger.console.api.Problem;

/**
 * What became of a support decision or a customer's written preference just sent: recorded (as the event
 * {@code eventId}; a preference with its {@code evidenceSha256}, which a move may then cite), or refused by the API
 * with its problem.
 */
public record SupportOutcome(String action, String registrationId, String eventId, Problem problem,
                             String evidenceSha256) {

    public boolean isRefused() {
        return problem != null;
    }
}
