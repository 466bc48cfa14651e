package com.leadledger.query.report;

import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;

import java.time.Instant;

/**
 * What the reports need of one dispute, as of the report's instant.
 *
 * @param levelReached   the highest level it reached (escalations and appeals)
 * @param firstRulingAt  when it was first ruled on (null while never ruled)
 * @param outcome        the outcome of its latest ruling (an appeal's ruling replaces the first)
 */
record DisputeFact(String disputeId, DisputeType type, String respondentPartnerId, Instant openedAt, int level,
                   int levelReached, Instant firstRulingAt, DisputeOutcome outcome, boolean appealed) {

    static DisputeFact opened(String disputeId, DisputeType type, int level, Instant at) {
        return new DisputeFact(disputeId, type, null, at, level, level, null, null, false);
    }

    DisputeFact respondent(String partnerId) {
        return new DisputeFact(disputeId, type, partnerId, openedAt, level, levelReached, firstRulingAt, outcome,
                appealed);
    }

    DisputeFact atLevel(int newLevel) {
        return new DisputeFact(disputeId, type, respondentPartnerId, openedAt, newLevel,
                Math.max(levelReached, newLevel), firstRulingAt, outcome, appealed);
    }

    DisputeFact appealedTo(int newLevel) {
        return new DisputeFact(disputeId, type, respondentPartnerId, openedAt, newLevel,
                Math.max(levelReached, newLevel), firstRulingAt, outcome, true);
    }

    DisputeFact ruled(DisputeOutcome ruling, String respondent, Instant at) {
        return new DisputeFact(disputeId, type, respondent == null ? respondentPartnerId : respondent, openedAt,
                level, levelReached, firstRulingAt == null ? at : firstRulingAt, ruling, appealed);
    }
}
