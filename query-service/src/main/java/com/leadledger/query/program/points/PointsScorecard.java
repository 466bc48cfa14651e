package com.leadledger.query.program.points;

import com.leadledger.events.common.Money;
import com.leadledger.events.program.PointsAwarded;
import com.leadledger.events.program.PointsExpired;
import com.leadledger.events.program.PointsRedeemed;
import com.leadledger.events.program.ProgramStreams;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.program.ScorecardSection;
import com.leadledger.query.projection.Projector;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code points} part of a partner's scorecard: its balance as of the instant and the history that makes it
 * (awards with their cause, expiries, redemptions), folded from its points ledger's events stored up to then.
 */
@Component
class PointsScorecard implements ScorecardSection {

    private final EventHistory history;

    PointsScorecard(EventHistory history) {
        this.history = history;
    }

    /** One line of the history: {@code points} is signed (spent and expired points are negative). */
    record Entry(Instant at, String type, int points, String cause, String causationId, String subjectId,
                 String awardId, Instant expiresAt, Money marketingFundCredit, BigDecimal extraDiscountPercent,
                 long policyVersion) {
    }

    record Points(int balance, int earned, int expired, int redeemed, List<Entry> history) {
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public Points of(String partnerId, Instant asOf) {
        return fold(history.asOf(ProgramStreams.pointsLedger(partnerId), asOf));
    }

    static Points fold(List<Projector.Step> steps) {
        int earned = 0;
        int expired = 0;
        int redeemed = 0;
        List<Entry> entries = new ArrayList<>();
        for (Projector.Step step : steps) {
            if (step.event() instanceof PointsAwarded a) {
                earned += a.points();
                entries.add(new Entry(a.awardedAt(), "AWARDED", a.points(), a.cause().name(), a.causationId(),
                        a.subjectId(), a.awardId(), a.expiresAt(), null, null, a.policyVersion()));
            } else if (step.event() instanceof PointsExpired e) {
                expired += e.points();
                entries.add(new Entry(e.expiredAt(), "EXPIRED", -e.points(), null, null, null, e.awardId(), null,
                        null, null, 0));
            } else if (step.event() instanceof PointsRedeemed r) {
                redeemed += r.points();
                entries.add(new Entry(r.redeemedAt(), "REDEEMED", -r.points(), r.kind().name(), null,
                        r.registrationId(), r.redemptionId(), null, r.marketingFundCredit(),
                        r.extraDiscountPercent(), r.policyVersion()));
            }
        }
        return new Points(earned - expired - redeemed, earned, expired, redeemed, List.copyOf(entries));
    }
}
