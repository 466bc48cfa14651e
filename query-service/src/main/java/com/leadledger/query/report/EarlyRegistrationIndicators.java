package com.leadledger.query.report;

import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.RegistrationSubmitted;
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

    /** The partner's registrations, and the policy versions (the drop threshold): all the indicator reads. */
    private static final List<String> PARTNERS_TYPES = List.of(EventTypes.nameOf(RegistrationSubmitted.class));
    private static final List<String> SHARED_TYPES = List.of(EventTypes.nameOf(PolicyPublished.class));

    private final EventHistory history;

    EarlyRegistrationIndicators(EventHistory history) {
        this.history = history;
    }

    /** The partner's indicator as of the instant; only its own registrations count. */
    public EarlyRegistrationIndicator of(String partnerId, Instant asOf) {
        return PartnerReport.earlyRegistration(
                ReportFacts.of(history.upToForPartner(partnerId, asOf, PARTNERS_TYPES, SHARED_TYPES)), partnerId, asOf);
    }
}
