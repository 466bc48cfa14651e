package com.leadledger.events.envelope;

import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeAssigned;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeEvidenceAdded;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The published event types, by the name used in {@link EventEnvelope#eventType()}. */
public final class EventTypes {

    private static final List<Class<? extends Record>> ALL = List.of(
            PolicyPublished.class,
            PartnerOnboarded.class,
            PartnerTierChanged.class,
            PartnerProductLinesChanged.class,
            PartnerSuspended.class,
            PartnerReinstated.class,
            PartnerPenalized.class,
            PartnerPenaltyReversed.class,
            OpportunityOpened.class,
            RegistrationSubmitted.class,
            ReviewSlaStarted.class,
            ReviewEscalated.class,
            RegistrationBecameReviewable.class,
            RegistrationApproved.class,
            RegistrationRejected.class,
            EarlierRegistrationNoticeIssued.class,
            RegistrationWithdrawn.class,
            RegistrationExpired.class,
            RegistrationRevoked.class,
            RegistrationRevocationReversed.class,
            ExtensionRequested.class,
            ExtensionGranted.class,
            ExtensionRefused.class,
            RegistrationWon.class,
            RegistrationLost.class,
            SupportGranted.class,
            SupportMoved.class,
            SupportWithdrawn.class,
            RulingRecorded.class,
            DisputeOpened.class,
            DisputeEvidenceAdded.class,
            DisputeRespondentLinked.class,
            DisputeAssigned.class,
            DisputeEscalated.class,
            DisputeRuled.class,
            DisputeAppealed.class);

    private static final Map<String, Class<? extends Record>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends Record>> classFor(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    public static String nameOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    public static List<Class<? extends Record>> all() {
        return ALL;
    }
}
