package com.leadledger.console.extension;

import com.leadledger.console.api.Problem;

/**
 * What became of a grant or refusal just sent: recorded (as the event {@code eventId} of the opportunity
 * {@code opportunityId}, null when it could not be read), or refused by the API with its problem.
 */
public record ExtensionOutcome(String registrationId, String decision, String eventId, String opportunityId,
                               Problem problem) {

    public boolean isRefused() {
        return problem != null;
    }
}
