package com.leadledger.query.program.scorecard;

import com.leadledger.query.program.ScorecardSection;
import com.leadledger.query.report.EarlyRegistrationIndicator;
import com.leadledger.query.report.EarlyRegistrationIndicators;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Scorecard part {@code earlyRegistration}: the partner's own early-registration indicator of the partners report
 * (trailing twelve months, last three quarters, drop flag), from the events stored up to {@code asOf}.
 */
@Component
class EarlyRegistrationSection implements ScorecardSection {

    static final String NAME = "earlyRegistration";

    private final EarlyRegistrationIndicators indicators;

    EarlyRegistrationSection(EarlyRegistrationIndicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EarlyRegistrationIndicator of(String partnerId, Instant asOf) {
        return indicators.of(partnerId, asOf);
    }
}
