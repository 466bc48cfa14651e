package com.leadledger.query.report;

import com.leadledger.events.envelope.EventTypes;
import com.leadledger.query.ingest.EventHistory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The partners report's early-registration indicator for one partner as of an instant, folded from the events stored
 * up to that instant, for reads outside the reports (the partner's scorecard). The figures are the report's own.
 */
@Component
public class EarlyRegistrationIndicators {

    private static final List<String> FOLDED_TYPES = ReportFacts.FOLDED.stream().map(EventTypes::nameOf).toList();

    private final EventHistory history;

    EarlyRegistrationIndicators(EventHistory history) {
        this.history = history;
    }

    /** The partner's indicator as of the instant; only its own registrations count. */
    public EarlyRegistrationIndicator of(String partnerId, Instant asOf) {
        return PartnerReport.earlyRegistration(ReportFacts.of(history.upTo(asOf, FOLDED_TYPES)), partnerId, asOf);
    }
}
