package com.leadledger.events.dispute;

import java.time.Instant;

/**
 * Staff named the partner the complaint is against, and possibly its registration (which may belong to another
 * opportunity than the dispute's, e.g. the same customer under another product line). The complainant is never shown
 * this. A later link replaces an earlier one while no upheld ruling has acted on the respondent.
 *
 * @param respondentRegistrationId  null when no registration was named
 * @param respondentOpportunityId   the opportunity of {@code respondentRegistrationId}; null with it
 */
public record DisputeRespondentLinked(
        String disputeId,
        String respondentPartnerId,
        String respondentRegistrationId,
        String respondentOpportunityId,
        Instant linkedAt) implements DisputeEvent {
}
