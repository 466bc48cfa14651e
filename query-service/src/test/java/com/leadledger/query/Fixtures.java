package com.leadledger.query;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.opportunity.OpportunityIds;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.query.ingest.EventRef;

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

    public static EventRef ref(Record event, Instant at) {
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
            Instant at = tick();
            String taxId = customerKey.startsWith("RU:") ? customerKey : null;
            String domain = taxId == null ? customerKey : "example-" + partnerId.toLowerCase() + ".ru";
            RegistrationSubmitted event = new RegistrationSubmitted(opportunityId, UUID.randomUUID().toString(),
                    partnerId, nextPosition++,
                    new CustomerIdentity("ООО «Ромашка» for " + partnerId, "RU", taxId, domain, null),
                    new CustomerKey(customerKey), productLine, Money.of("1250000.00", "RUB"),
                    LocalDate.of(2031, 3, 31), "Deal of " + partnerId, at, 1);
            add(event, at, metadata("user-of-" + partnerId, "PARTNER", partnerId));
            return event;
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
            EventEnvelope envelope = new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, UUID.randomUUID().toString(),
                    eventType, "Opportunity", opportunityId, nextSequence++, GLOBAL_INDEX.incrementAndGet(), at,
                    metadata("system", "ADMIN", null), CODEC.mapper().createObjectNode().put("note", eventType));
            envelopes.add(envelope);
            return envelope;
        }

        private EventEnvelope add(Record event, Instant at, Map<String, String> metadata) {
            EventEnvelope envelope = envelope(event, "Opportunity", opportunityId, nextSequence++, at, metadata);
            envelopes.add(envelope);
            return envelope;
        }

        private Instant tick() {
            return Instant.ofEpochMilli(CLOCK.addAndGet(1000));
        }
    }

    public static EventEnvelope envelope(Record event, String aggregateType, String aggregateId, long sequence,
                                         Instant at, Map<String, String> metadata) {
        return new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, UUID.randomUUID().toString(),
                EventTypes.nameOf(event.getClass()), aggregateType, aggregateId, sequence,
                GLOBAL_INDEX.incrementAndGet(), at, metadata, CODEC.toTree(event));
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
