package com.leadledger.query.program.points;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.common.Money;
import com.leadledger.events.program.PointsAwarded;
import com.leadledger.events.program.PointsExpired;
import com.leadledger.events.program.PointsRedeemed;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PointsScorecardTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static Projector.Step step(LeadLedgerEvent event, long index) {
        return new Projector.Step(event, new EventRef("e-" + index, event.getClass().getSimpleName(), "points:P-1",
                index, index, T, Map.of()));
    }

    @Test
    void foldsTheBalanceAndTheHistoryWithCauses() {
        var approval = new PointsAwarded("P-1", "E-1/REGISTRATION_APPROVED", PointsAwarded.Cause.REGISTRATION_APPROVED,
                "E-1", "R-1", 10, T.plusSeconds(86_400L * 365), T, 1);
        var win = new PointsAwarded("P-1", "E-2/REGISTRATION_WON", PointsAwarded.Cause.REGISTRATION_WON,
                "E-2", "R-1", 22, T.plusSeconds(86_400L * 365), T, 1);
        var penalty = new PointsAwarded("P-1", "E-3/PENALTY", PointsAwarded.Cause.PENALTY, "E-3", "D-1", -10, null,
                T, 1);
        var redeemed = new PointsRedeemed("P-1", "X-1", PointsRedeemed.Kind.MARKETING_FUND_CREDIT, 12,
                new Money(new BigDecimal("1200"), "RUB"), null, null, "u-1", T, 1);
        var expired = new PointsExpired("P-1", "E-2/REGISTRATION_WON", 10, T.plusSeconds(86_400L * 365));

        PointsScorecard.Points points = PointsScorecard.fold(List.of(step(approval, 1), step(win, 2),
                step(penalty, 3), step(redeemed, 4), step(expired, 5)));

        assertThat(points.balance()).isEqualTo(0);
        assertThat(points.earned()).isEqualTo(22);
        assertThat(points.redeemed()).isEqualTo(12);
        assertThat(points.expired()).isEqualTo(10);
        assertThat(points.history()).extracting(PointsScorecard.Entry::points).containsExactly(10, 22, -10, -12, -10);
        assertThat(points.history().get(2).cause()).isEqualTo("PENALTY");
        assertThat(points.history().get(2).causationId()).isEqualTo("E-3");
        assertThat(PointsScorecard.fold(List.of(step(approval, 1))).balance()).isEqualTo(10);
    }
}
