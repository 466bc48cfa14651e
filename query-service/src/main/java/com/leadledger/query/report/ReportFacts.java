package com.leadledger.query.report;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.query.projection.Projector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything the reports count, folded from the stored events up to the report's instant, in stored order. Every
 * instant is the one at which the command side stored the event. Built once per request and never changed.
 */
final class ReportFacts {

    /** The events the reports are folded from; every other event leaves the facts unchanged. */
    static final List<Class<? extends LeadLedgerEvent>> FOLDED = List.of(RegistrationSubmitted.class,
            ReviewEscalated.class, RegistrationApproved.class, RegistrationRejected.class, ExtensionGranted.class,
            RegistrationWon.class, RegistrationLost.class, RegistrationExpired.class, RegistrationWithdrawn.class,
            RegistrationRevoked.class, RegistrationRevocationReversed.class, SupportMoved.class,
            SupportWithdrawn.class, DisputeOpened.class, DisputeRespondentLinked.class, DisputeEscalated.class,
            DisputeAppealed.class, DisputeRuled.class, PartnerOnboarded.class, PartnerPenalized.class,
            PartnerPenaltyReversed.class, PolicyPublished.class);

    private final Map<String, RegistrationFact> registrations = new LinkedHashMap<>();
    private final Map<String, DisputeFact> disputes = new LinkedHashMap<>();
    private final Map<String, PartnerFact> partners = new LinkedHashMap<>();
    private final List<ReviewEscalation> escalations = new ArrayList<>();
    private final List<SupportChange> supportChanges = new ArrayList<>();
    private BigDecimal dropThreshold = null;
    private PointsRules.EarlyRegistration earlyRegistration = PointsRules.EarlyRegistration.of(null);

    private ReportFacts() {
    }

    /** The facts the events (in stored order) establish. */
    static ReportFacts of(Iterable<? extends Projector.Applied> events) {
        ReportFacts facts = new ReportFacts();
        for (Projector.Applied applied : events) {
            facts.apply(applied.event(), applied.ref().timestamp(), applied.ref().actorId());
        }
        return facts;
    }

    Map<String, RegistrationFact> registrations() {
        return Collections.unmodifiableMap(registrations);
    }

    Map<String, DisputeFact> disputes() {
        return Collections.unmodifiableMap(disputes);
    }

    Map<String, PartnerFact> partners() {
        return Collections.unmodifiableMap(partners);
    }

    List<ReviewEscalation> escalations() {
        return Collections.unmodifiableList(escalations);
    }

    List<SupportChange> supportChanges() {
        return Collections.unmodifiableList(supportChanges);
    }

    /** The early-registration drop that flags a partner, from the policy in force at the report's instant. */
    BigDecimal dropThreshold() {
        return dropThreshold == null ? PartnerReport.DEFAULT_DROP_THRESHOLD : dropThreshold;
    }

    /** The one definition of an early registration, from the policy in force at the report's instant. */
    PointsRules.EarlyRegistration earlyRegistration() {
        return earlyRegistration;
    }

    private void apply(LeadLedgerEvent event, Instant at, String actor) {
        if (event instanceof RegistrationSubmitted e) {
            registrations.putIfAbsent(e.registrationId(), RegistrationFact.submitted(e.registrationId(),
                    e.opportunityId(), e.partnerId(), e.productLine(), at, e.expectedCloseDate()));
        } else if (event instanceof ReviewEscalated e) {
            registration(e.registrationId(), r -> {
                escalations.add(new ReviewEscalation(r.registrationId(), r.level(), e.level(), at));
                return r.atLevel(e.level());
            });
        } else if (event instanceof RegistrationApproved e) {
            registration(e.registrationId(), r -> r.approved(at, e.protectedUntil()));
        } else if (event instanceof RegistrationRejected e) {
            registration(e.registrationId(), r -> r.rejected(at));
        } else if (event instanceof ExtensionGranted e) {
            registration(e.registrationId(), r -> r.protectedUntil(e.protectedUntil()));
        } else if (event instanceof RegistrationWon e) {
            registration(e.registrationId(), r -> r.withStatus(RegistrationStatus.WON));
        } else if (event instanceof RegistrationLost e) {
            registration(e.registrationId(), r -> r.withStatus(RegistrationStatus.LOST));
        } else if (event instanceof RegistrationExpired e) {
            registration(e.registrationId(), r -> r.withStatus(RegistrationStatus.EXPIRED));
        } else if (event instanceof RegistrationWithdrawn e) {
            registration(e.registrationId(), r -> r.withStatus(RegistrationStatus.WITHDRAWN));
        } else if (event instanceof RegistrationRevoked e) {
            registration(e.registrationId(), r -> r.withStatus(RegistrationStatus.REVOKED));
        } else if (event instanceof RegistrationRevocationReversed e) {
            registration(e.registrationId(), r -> r.withStatus(e.status()).protectedUntil(e.protectedUntil()));
        } else if (event instanceof SupportMoved e) {
            supportTakenAway(SupportChange.Kind.MOVED, e.opportunityId(), e.fromRegistrationId(), e.fromPartnerId(),
                    e.reasonCode(), actor, at);
        } else if (event instanceof SupportWithdrawn e) {
            supportTakenAway(SupportChange.Kind.WITHDRAWN, e.opportunityId(), e.registrationId(), e.partnerId(),
                    e.reasonCode(), actor, at);
        } else if (event instanceof DisputeOpened e) {
            disputes.putIfAbsent(e.disputeId(), DisputeFact.opened(e.disputeId(), e.type(), e.level(), at));
        } else if (event instanceof DisputeRespondentLinked e) {
            dispute(e.disputeId(), d -> d.respondent(e.respondentPartnerId()));
        } else if (event instanceof DisputeEscalated e) {
            dispute(e.disputeId(), d -> d.atLevel(e.level()));
        } else if (event instanceof DisputeAppealed e) {
            dispute(e.disputeId(), d -> d.appealedTo(e.level()));
        } else if (event instanceof DisputeRuled e) {
            dispute(e.disputeId(), d -> d.ruled(e.outcome(), e.respondentPartnerId(), at));
            if (e.outcome() == DisputeOutcome.UPHELD && e.respondentPartnerId() != null) {
                partner(e.respondentPartnerId(), p -> p.adverse(at));
            }
        } else if (event instanceof PartnerOnboarded e) {
            partners.putIfAbsent(e.partnerId(), PartnerFact.onboarded(e.partnerId(), e.name()));
        } else if (event instanceof PartnerPenalized e) {
            partner(e.partnerId(), p -> p.penaltyPoints(e.totalPoints()));
        } else if (event instanceof PartnerPenaltyReversed e) {
            partner(e.partnerId(), p -> p.penaltyPoints(e.totalPoints()));
        } else if (event instanceof PolicyPublished e) {
            dropThreshold = e.policy().earlyRegistrationDropThreshold();
            earlyRegistration = PointsRules.EarlyRegistration.of(e.policy());
        }
    }

    private void supportTakenAway(SupportChange.Kind kind, String opportunityId, String registrationId,
                                  String partnerId, SupportReason reason, String actor, Instant at) {
        RegistrationFact losing = registrations.get(registrationId);
        supportChanges.add(new SupportChange(kind, opportunityId, actor == null ? "unknown" : actor,
                reason == null ? "NONE" : reason.name(), partnerId, losing != null && losing.protectedAt(at), at));
        if (partnerId != null) {
            partner(partnerId, p -> p.adverse(at));
        }
    }

    private void registration(String id, UnaryOperator<RegistrationFact> transition) {
        registrations.computeIfPresent(id, (key, fact) -> transition.apply(fact));
    }

    private void dispute(String id, UnaryOperator<DisputeFact> transition) {
        disputes.computeIfPresent(id, (key, fact) -> transition.apply(fact));
    }

    private void partner(String id, UnaryOperator<PartnerFact> transition) {
        partners.computeIfPresent(id, (key, fact) -> transition.apply(fact));
    }
}
