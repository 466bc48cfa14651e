package com.leadledger.query;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.opportunity.OpportunityIds;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;
import com.leadledger.query.projection.EventRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Builds events and envelopes the way the command side publishes them. */
public final class Fixtures {

    public static final EnvelopeCodec CODEC = new EnvelopeCodec();
    /** The staff member recorded in the metadata of staff decisions. */
    public static final String STAFF_ACTOR = "manager-7";
    private static final AtomicLong GLOBAL_INDEX = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000));
    /** One clock for all streams, a second per event, so that "newest first" is well defined across streams. */
    private static final AtomicLong CLOCK = new AtomicLong(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS).toEpochMilli());

    private Fixtures() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String uniqueTaxId() {
        return "RU:77" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    }

    public static EventRef ref(LeadLedgerEvent event, Instant at) {
        return new EventRef(UUID.randomUUID().toString(), EventTypes.nameOf(event.getClass()), "agg", 0, 0, at);
    }

    public static RegistrationSubmitted submitted(String opportunityId, String partnerId, int position,
                                                  Instant acceptedAt) {
        String taxId = "RU:7707083893";
        return new RegistrationSubmitted(opportunityId, UUID.randomUUID().toString(), partnerId, position,
                new CustomerIdentity("ООО «Ромашка»", "RU", taxId, "romashka.ru", "Moscow"), new CustomerKey(taxId),
                "NETWORK_SECURITY", Money.of("1250000.00", "RUB"), LocalDate.of(2031, 3, 31),
                "Firewall refresh for 12 branches", acceptedAt, 1);
    }

    /**
     * The event stream of one Opportunity aggregate: sequence numbers from 0, a global index, audit metadata, and
     * the registrations filed so far (so positions follow the order of submission).
     */
    public static final class OpportunityStream {

        private final String customerKey;
        private final String productLine;
        private final String opportunityId;
        private final List<EventEnvelope> envelopes = new ArrayList<>();
        private long nextSequence;
        private int nextPosition = 1;

        public OpportunityStream(String productLine) {
            this(uniqueTaxId(), productLine);
        }

        public OpportunityStream(String customerKey, String productLine) {
            this.customerKey = customerKey;
            this.productLine = productLine;
            this.opportunityId = OpportunityIds.idFor(new CustomerKey(customerKey), productLine);
        }

        public String opportunityId() {
            return opportunityId;
        }

        public String customerKey() {
            return customerKey;
        }

        public List<EventEnvelope> envelopes() {
            return List.copyOf(envelopes);
        }

        public EventEnvelope last() {
            return envelopes.get(envelopes.size() - 1);
        }

        public EventEnvelope opened() {
            Instant at = tick();
            return add(new OpportunityOpened(opportunityId, new CustomerKey(customerKey), productLine, at), at,
                    metadata("user-of-first", "PARTNER", null));
        }

        public RegistrationSubmitted submit(String partnerId) {
            String taxId = customerKey.startsWith("RU:") ? customerKey : null;
            String domain = taxId == null ? customerKey : "example-" + partnerId.toLowerCase() + ".ru";
            return submit(partnerId, new CustomerIdentity("ООО «Ромашка» for " + partnerId, "RU", taxId, domain, null));
        }

        /** A submission naming this customer; its key must be the stream's customer key. */
        public RegistrationSubmitted submit(String partnerId, CustomerIdentity customer) {
            if (!CustomerKey.of(customer).value().equals(customerKey)) {
                throw new IllegalArgumentException("the customer's key is not " + customerKey);
            }
            Instant at = tick();
            RegistrationSubmitted event = new RegistrationSubmitted(opportunityId, UUID.randomUUID().toString(),
                    partnerId, nextPosition++, customer, new CustomerKey(customerKey), productLine,
                    Money.of("1250000.00", "RUB"), LocalDate.of(2031, 3, 31), "Deal of " + partnerId, at, 1);
            add(event, at, metadata("user-of-" + partnerId, "PARTNER", partnerId));
            return event;
        }

        // ------------------------------------------------------------ review clock and decisions (by staff)

        public ReviewSlaStarted slaStarted(RegistrationSubmitted r, Instant dueAt) {
            return staff(new ReviewSlaStarted(opportunityId, r.registrationId(), 1, dueAt, r.acceptedAt(), 1));
        }

        public ReviewEscalated escalate(RegistrationSubmitted r, int level, Instant dueAt) {
            return staff(new ReviewEscalated(opportunityId, r.registrationId(), level, dueAt, tickPeek(), 1));
        }

        public RegistrationBecameReviewable becameReviewable(RegistrationSubmitted r, Instant dueAt) {
            return staff(new RegistrationBecameReviewable(opportunityId, r.registrationId(), r.partnerId(), dueAt,
                    tickPeek(), 1));
        }

        public RegistrationApproved approve(RegistrationSubmitted r, String discountPercent, int days) {
            Instant at = tickPeek();
            return staff(new RegistrationApproved(opportunityId, r.registrationId(), r.partnerId(),
                    new BigDecimal(discountPercent), days, at.plus(days, ChronoUnit.DAYS), "approved in test", null,
                    at, 1));
        }

        /** What the command side issues to a later partner when an earlier registration is approved. */
        public EarlierRegistrationNoticeIssued noticeEarlier(RegistrationSubmitted later,
                                                             RegistrationSubmitted earlier) {
            return staff(new EarlierRegistrationNoticeIssued(opportunityId, later.registrationId(),
                    later.partnerId(), earlier.acceptedAt(), tickPeek()));
        }

        public RegistrationRejected reject(RegistrationSubmitted r, RejectionReason reason, String note,
                                           Instant earlierRegisteredAt) {
            return staff(new RegistrationRejected(opportunityId, r.registrationId(), r.partnerId(), reason, note,
                    earlierRegisteredAt, tickPeek(), 1));
        }

        public RegistrationExpired expire(RegistrationSubmitted r, Instant protectedUntil) {
            return system(new RegistrationExpired(opportunityId, r.registrationId(), r.partnerId(), protectedUntil));
        }

        public ExtensionRequested requestExtension(RegistrationSubmitted r, int days, String reason) {
            return add(new ExtensionRequested(opportunityId, r.registrationId(), UUID.randomUUID().toString(),
                    r.partnerId(), reason, days, tickPeek()), "user-of-" + r.partnerId(), "PARTNER", r.partnerId());
        }

        public ExtensionGranted grantExtension(ExtensionRequested request, Instant newProtectedUntil) {
            return staff(new ExtensionGranted(opportunityId, request.registrationId(), request.extensionRequestId(),
                    request.partnerId(), request.days(), newProtectedUntil, "fine", tickPeek(), 1));
        }

        public ExtensionRefused refuseExtension(ExtensionRequested request) {
            return staff(new ExtensionRefused(opportunityId, request.registrationId(), request.extensionRequestId(),
                    request.partnerId(), "no", tickPeek(), 1));
        }

        public RegistrationWon won(RegistrationSubmitted r, Money finalValue) {
            return add(new RegistrationWon(opportunityId, r.registrationId(), r.partnerId(), finalValue, tickPeek()),
                    "user-of-" + r.partnerId(), "PARTNER", r.partnerId());
        }

        public RegistrationLost lost(RegistrationSubmitted r, String reason) {
            return add(new RegistrationLost(opportunityId, r.registrationId(), r.partnerId(), reason, tickPeek()),
                    "user-of-" + r.partnerId(), "PARTNER", r.partnerId());
        }

        // ------------------------------------------------------------ vendor support (by staff)

        public SupportGranted grantSupport(RegistrationSubmitted r) {
            return staff(new SupportGranted(opportunityId, r.registrationId(), r.partnerId(), "backing it",
                    tickPeek(), 1));
        }

        public SupportMoved moveSupport(RegistrationSubmitted from, RegistrationSubmitted to, SupportReason reason,
                                        String evidenceSha256) {
            return staff(new SupportMoved(opportunityId, from.registrationId(), from.partnerId(), to.registrationId(),
                    to.partnerId(), reason, null, evidenceSha256, "customer letter", tickPeek(), 1));
        }

        public SupportWithdrawn withdrawSupport(RegistrationSubmitted r, SupportReason reason) {
            return staff(new SupportWithdrawn(opportunityId, r.registrationId(), r.partnerId(), reason, null, null,
                    null, tickPeek(), 1));
        }

        /** Support moved back by staff, citing a dispute's ruling. */
        public SupportMoved moveSupportByRuling(RegistrationSubmitted from, RegistrationSubmitted to,
                                                String disputeId) {
            return staff(new SupportMoved(opportunityId, from.registrationId(), from.partnerId(), to.registrationId(),
                    to.partnerId(), SupportReason.ARBITRATION_RULING, disputeId, null, "per ruling", tickPeek(), 1));
        }

        /** An upheld dispute's ruling recorded on the opportunity (carried out by the system). */
        public RulingRecorded recordRuling(String disputeId, RegistrationSubmitted rightful) {
            return system(new RulingRecorded(opportunityId, disputeId,
                    rightful == null ? null : rightful.registrationId(), tickPeek()));
        }

        /** An upheld dispute revoked the approved registration's protection (carried out by the system). */
        public RegistrationRevoked revoke(RegistrationApproved approved, String disputeId) {
            return system(new RegistrationRevoked(opportunityId, approved.registrationId(), approved.partnerId(),
                    disputeId, approved.protectedUntil(), false, tickPeek()));
        }

        private <E extends LeadLedgerEvent> E staff(E event) {
            return add(event, STAFF_ACTOR, "CHANNEL_MANAGER", null);
        }

        private <E extends LeadLedgerEvent> E system(E event) {
            return add(event, "system", "SYSTEM", null);
        }

        /** Stored a second after the time the event itself names, as the command side stores after deciding. */
        private <E extends LeadLedgerEvent> E add(E event, String actor, String role, String partnerId) {
            add(event, tick(), metadata(actor, role, partnerId));
            return event;
        }

        /** The business time of the next event. */
        private Instant tickPeek() {
            return tick();
        }

        public RegistrationWithdrawn withdraw(RegistrationSubmitted registration, String reason) {
            Instant at = tick();
            RegistrationWithdrawn event = new RegistrationWithdrawn(opportunityId, registration.registrationId(),
                    registration.partnerId(), reason, at);
            add(event, at, metadata("user-of-" + registration.partnerId(), "PARTNER", registration.partnerId()));
            return event;
        }

        /** An event of a type this service does not know (e.g. from a newer command side). */
        public EventEnvelope unknown(String eventType) {
            Instant at = tick();
            EventEnvelope envelope = EnvelopeSeal.sealed(new EventEnvelope(EventEnvelope.CURRENT_SCHEMA,
                    UUID.randomUUID().toString(), eventType, "Opportunity", opportunityId, nextSequence++,
                    GLOBAL_INDEX.incrementAndGet(), at, metadata("system", "ADMIN", null),
                    CODEC.mapper().createObjectNode().put("note", eventType)));
            envelopes.add(envelope);
            return envelope;
        }

        private EventEnvelope add(LeadLedgerEvent event, Instant at, Map<String, String> metadata) {
            EventEnvelope envelope = envelope(event, "Opportunity", opportunityId, nextSequence++, at, metadata);
            envelopes.add(envelope);
            return envelope;
        }

        private Instant tick() {
            return Instant.ofEpochMilli(CLOCK.addAndGet(1000));
        }
    }

    /** The event stream of one Partner aggregate. */
    public static final class PartnerStream {

        private final String partnerId;
        private final List<EventEnvelope> envelopes = new ArrayList<>();
        private long nextSequence;

        public PartnerStream(String partnerId) {
            this.partnerId = partnerId;
        }

        public List<EventEnvelope> envelopes() {
            return List.copyOf(envelopes);
        }

        public PartnerOnboarded onboard(String name, PartnerTier tier, List<String> productLines) {
            return add(new PartnerOnboarded(partnerId, name, tier, productLines, "https://hooks.example/" + partnerId,
                    next()));
        }

        public PartnerTierChanged changeTier(PartnerTier from, PartnerTier to) {
            return add(new PartnerTierChanged(partnerId, from, to, next()));
        }

        public PartnerProductLinesChanged changeProductLines(List<String> lines) {
            return add(new PartnerProductLinesChanged(partnerId, lines, next()));
        }

        public PartnerSuspended suspend(String reason) {
            return add(new PartnerSuspended(partnerId, reason, next()));
        }

        public PartnerReinstated reinstate() {
            return add(new PartnerReinstated(partnerId, "ok again", next()));
        }

        public PartnerPenalized penalize(String disputeId, int points, int total) {
            return add(new PartnerPenalized(partnerId, disputeId, points, total, next()));
        }

        private Instant next() {
            return Instant.ofEpochMilli(CLOCK.addAndGet(1000));
        }

        private <E extends LeadLedgerEvent> E add(E event) {
            Instant at = next();
            envelopes.add(envelope(event, "Partner", partnerId, nextSequence++, at,
                    metadata("admin-1", "ADMIN", null)));
            return event;
        }
    }

    /** The event stream of one Dispute aggregate; each event is added with the metadata of who caused it. */
    public static final class DisputeStream {

        private final String disputeId = "D-" + UUID.randomUUID();
        private final List<EventEnvelope> envelopes = new ArrayList<>();
        private long nextSequence;

        public String disputeId() {
            return disputeId;
        }

        public List<EventEnvelope> envelopes() {
            return List.copyOf(envelopes);
        }

        public EventEnvelope last() {
            return envelopes.get(envelopes.size() - 1);
        }

        public Instant at() {
            return Instant.ofEpochMilli(CLOCK.addAndGet(1000));
        }

        /** Adds the event caused by {@code actor} acting in {@code role} (for {@code partnerId} when a partner). */
        public <E extends LeadLedgerEvent> E add(E event, String actor, String role, String partnerId) {
            envelopes.add(envelope(event, "Dispute", disputeId, nextSequence++, at(),
                    metadata(actor, role, partnerId)));
            return event;
        }
    }

    public static EventEnvelope envelope(LeadLedgerEvent event, String aggregateType, String aggregateId, long sequence,
                                         Instant at, Map<String, String> metadata) {
        return EnvelopeSeal.sealed(new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, UUID.randomUUID().toString(),
                EventTypes.nameOf(event.getClass()), aggregateType, aggregateId, sequence,
                GLOBAL_INDEX.incrementAndGet(), at, metadata, CODEC.toTree(event)));
    }

    public static Map<String, String> metadata(String actorId, String role, String partnerId) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("actorId", actorId);
        metadata.put("actorRole", role);
        if (partnerId != null) {
            metadata.put("partnerId", partnerId);
        }
        metadata.put("requestId", requestId);
        metadata.put("correlationId", requestId);
        metadata.put("causationId", requestId);
        return metadata;
    }
}
