package com.leadledger.query.dispute;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Age and SLA breach of a dispute, as of now. */
@Component
class DisputeClock {

    private final Clock clock;

    DisputeClock(Clock clock) {
        this.clock = clock;
    }

    Duration age(DisputeView v) {
        Instant end = v.status() == DisputeView.Status.OPEN || v.rulings().isEmpty()
                ? clock.instant() : v.rulings().get(v.rulings().size() - 1).decidedAt();
        Duration age = Duration.between(v.openedAt(), end);
        return age.isNegative() ? Duration.ZERO : age.withNanos(0);
    }

    boolean breached(DisputeView v) {
        return v.status() == DisputeView.Status.OPEN && v.slaDueAt() != null && clock.instant().isAfter(v.slaDueAt());
    }
}
