package com.leadledger.events.dispute;

import java.time.Instant;

/**
 * A decider of the dispute's current level ruled; the dispute is closed until an appeal reopens it. The effects
 * ({@code rightfulRegistrationId}, {@code revokeRespondentProtection}, {@code penaltyPoints}) are present only when the
 * outcome is {@link DisputeOutcome#UPHELD}; they are carried out afterwards as commands on the Opportunity and Partner
 * aggregates, whose events name this event as their {@code causationId}.
 *
 * <p>An appeal decision ({@code appeal} true) confirms or replaces the ruling appealed against:
 * {@code supersededEffects} are that ruling's effects, and whatever of them the new ruling no longer orders is reversed
 * by new events (never by editing old ones).
 *
 * @param respondentPartnerId      the respondent the effects apply to (null: none linked)
 * @param respondentRegistrationId the registration whose protection is revoked (null: none linked)
 * @param respondentOpportunityId  the opportunity of {@code respondentRegistrationId}
 * @param supersededEffects        the effects of the ruling this appeal decision replaces; null for a first ruling
 * @param appealableUntil          until when a party may appeal; null for an appeal decision (no second appeal)
 * @param decidedBy                the deciding staff member (token subject)
 * @param decidedByRole            the decider role of {@code level}
 * @param rationale                the decider's reasoning, for staff and auditors only
 * @param partyStatement           what the decider wrote for the parties, shown to them instead of the rationale; null
 *                                 when none (and in rulings recorded before the parties' statement existed)
 */
public record DisputeRuled(
        String disputeId,
        String opportunityId,
        int level,
        DisputeOutcome outcome,
        String rationale,
        String rightfulRegistrationId,
        boolean revokeRespondentProtection,
        int penaltyPoints,
        String respondentPartnerId,
        String respondentRegistrationId,
        String respondentOpportunityId,
        boolean appeal,
        RulingEffects supersededEffects,
        Instant appealableUntil,
        String decidedBy,
        String decidedByRole,
        Instant at,
        long policyVersion,
        String partyStatement) implements DisputeEvent {

    /** The effects this ruling orders ({@link RulingEffects#NONE} when dismissed). */
    public RulingEffects effects() {
        return new RulingEffects(rightfulRegistrationId, revokeRespondentProtection, penaltyPoints);
    }
}
