package com.leadledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.query.dispute.DisputeView;
import com.leadledger.query.dispute.DisputeViewRepository;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.opportunity.OpportunityView;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.registration.RegistrationView;
import com.leadledger.query.registration.RegistrationViewRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays an opportunity's history together with the disputes about it, in the order it was stored, with the live
 * read models' transitions: the state at any instant, and for every decision the state just before it was taken —
 * what the decider saw.
 */
@Component
class DecisionContexts {

    /** The events that record a decision by vendor staff or arbitration. */
    static final Set<Class<? extends LeadLedgerEvent>> DECISIONS = Set.of(RegistrationApproved.class,
            RegistrationRejected.class, ExtensionGranted.class, ExtensionRefused.class, SupportGranted.class,
            SupportMoved.class, SupportWithdrawn.class, DisputeRuled.class);

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * A decision and its context.
     *
     * @param policyVersion  the policy version the decision applied; null when the event does not record one
     * @param registrationId the registration decided on (for a support move: the one gaining support); null for a
     *                       ruling
     * @param before         the opportunity, its ranking and its open disputes just before the decision
     */
    public record Decision(String eventId, String eventType, Instant at, String actorId, String actorRole,
                           Long policyVersion, String registrationId, String disputeId, OpportunityAsOf before) {
    }

    private final EventHistory history;
    private final RegistrationViewRepository registrations;
    private final DisputeViewRepository disputes;
    private final ObjectMapper mapper;

    DecisionContexts(EventHistory history, RegistrationViewRepository registrations, DisputeViewRepository disputes,
                     EnvelopeCodec codec) {
        this.history = history;
        this.registrations = registrations;
        this.disputes = disputes;
        this.mapper = codec.mapper();
    }

    Optional<OpportunityAsOf> opportunityAsOf(String opportunityId, Instant asOf) {
        Replay replay = new Replay(opportunityId);
        steps(opportunityId, asOf).forEach(replay::apply);
        return Optional.ofNullable(replay.snapshot(asOf));
    }

    /** Null when the opportunity has no history. */
    List<Decision> of(String opportunityId) {
        Replay replay = new Replay(opportunityId);
        List<Decision> decisions = new ArrayList<>();
        for (Projector.Step step : steps(opportunityId, END_OF_TIME)) {
            LeadLedgerEvent event = step.event();
            if (DECISIONS.contains(event.getClass()) && replay.opportunity != null) {
                EventRef ref = step.ref();
                JsonNode payload = mapper.valueToTree(event);
                decisions.add(new Decision(ref.eventId(), ref.eventType(), ref.timestamp(), ref.actorId(),
                        ref.actorRole(), payload.path("policyVersion").isNumber()
                        ? payload.path("policyVersion").asLong() : null,
                        text(payload, "registrationId", "toRegistrationId"), text(payload, "disputeId"),
                        replay.snapshot(ref.timestamp())));
            }
            replay.apply(step);
        }
        return replay.opportunity == null ? null : decisions;
    }

    /** The opportunity a registration belongs to (it never changes, so the current view may be asked). */
    Optional<String> opportunityOfRegistration(String registrationId) {
        return registrations.opportunityOf(registrationId);
    }

    /** The opportunity's stream and the streams of the disputes about it, up to {@code asOf}, in stored order. */
    private List<Projector.Step> steps(String opportunityId, Instant asOf) {
        List<Projector.Step> steps = new ArrayList<>(history.asOf(opportunityId, asOf));
        for (String disputeId : disputes.idsAbout(opportunityId)) {
            steps.addAll(history.asOf(disputeId, asOf));
        }
        steps.sort(Comparator.comparingLong(s -> s.ref().globalIndex()));
        return steps;
    }

    private static String text(JsonNode payload, String... fields) {
        for (String field : fields) {
            if (payload.path(field).isTextual()) {
                return payload.path(field).asText();
            }
        }
        return null;
    }

    /** The read models of one opportunity, advanced event by event. */
    private static final class Replay {
        private final String opportunityId;
        private OpportunityView opportunity;
        private final Map<String, RegistrationView> registrations = new LinkedHashMap<>();
        private final Map<String, DisputeView> disputes = new LinkedHashMap<>();
        private String lastEventId;

        Replay(String opportunityId) {
            this.opportunityId = opportunityId;
        }

        void apply(Projector.Step step) {
            LeadLedgerEvent event = step.event();
            EventRef ref = step.ref();
            if (OpportunityView.PROJECTOR.viewIdsOf(event).contains(opportunityId)) {
                opportunity = OpportunityView.PROJECTOR.apply(opportunity, event, ref);
            }
            if (opportunityId.equals(ref.aggregateId())) {
                for (String id : RegistrationView.PROJECTOR.viewIdsOf(event)) {
                    registrations.put(id, RegistrationView.PROJECTOR.apply(registrations.get(id), event, ref));
                }
            }
            for (String id : DisputeView.PROJECTOR.viewIdsOf(event)) {
                if (disputes.containsKey(id) || event instanceof DisputeOpened) {
                    disputes.put(id, DisputeView.PROJECTOR.apply(disputes.get(id), event, ref));
                }
            }
            lastEventId = ref.eventId();
        }

        OpportunityAsOf snapshot(Instant asOf) {
            if (opportunity == null) {
                return null;
            }
            List<OpportunityAsOf.RankingEntry> ranking = registrations.values().stream()
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparingInt(RegistrationView::position))
                    .map(r -> new OpportunityAsOf.RankingEntry(r.position(), r.registrationId(), r.partnerId(),
                            r.acceptedAt(), r.status(), r.protectedUntil(), r.discountPercent(), r.supported()))
                    .toList();
            List<OpportunityAsOf.OpenDispute> open = disputes.values().stream()
                    .filter(d -> d != null && d.status() == DisputeView.Status.OPEN)
                    .map(d -> new OpportunityAsOf.OpenDispute(d.disputeId(), d.type(), d.level(),
                            d.complainantPartnerId(), d.respondent() == null ? null : d.respondent().partnerId(),
                            d.slaDueAt()))
                    .toList();
            return new OpportunityAsOf(opportunityId, asOf, opportunity.customerKey(), opportunity.productLine(),
                    opportunity.openedAt(), opportunity.supportedRegistrationId(), ranking, open, lastEventId);
        }
    }
}
