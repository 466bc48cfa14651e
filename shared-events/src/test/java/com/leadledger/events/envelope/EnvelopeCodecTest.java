package com.leadledger.events.envelope;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.registration.RegistrationSubmitted;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    private static final RegistrationSubmitted SUBMITTED = new RegistrationSubmitted("opp-1", "reg-1", "P-1001", 1,
            new CustomerIdentity("ООО «Ромашка»", "RU", "RU:7707083893", "romashka.ru", null),
            new CustomerKey("RU:7707083893"), "NETWORK_SECURITY", Money.of("1250000.00", "RUB"),
            LocalDate.parse("2027-03-31"), "Firewall refresh", Instant.parse("2026-11-22T10:15:30.123Z"), 1);

    @Test
    void roundTripsAnEnvelopeAndItsTypedPayload() {
        var event = SUBMITTED;
        var envelope = new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, "evt-1", "RegistrationSubmitted",
                "Opportunity", "opp-1", 0, 42, Instant.parse("2026-11-22T10:15:30.123Z"),
                Map.of("actorId", "partner-a-user", "correlationId", "c-1"), codec.toTree(event));

        byte[] json = codec.encode(envelope);
        EventEnvelope decoded = codec.decode(json);

        assertThat(decoded).usingRecursiveComparison().ignoringFields("payload").isEqualTo(envelope);
        assertThat(codec.payload(decoded)).contains(event);
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\"amount\":\"1250000.00\"").contains("\"acceptedAt\":\"2026-11-22T10:15:30.123Z\"");
    }

    @Test
    void keepsDecimalsExactAndPlain() {
        var node = codec.toTree(Map.of("min", new java.math.BigDecimal("300000"), "pct", new java.math.BigDecimal("15.50")));
        String json = new String(codec.encode(new EventEnvelope(1, "e", "X", "A", "a", 0, 1, Instant.EPOCH, Map.of(), node)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"min\":300000").contains("\"pct\":15.50");
        assertThat(codec.decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).payload().get("pct").decimalValue())
                .isEqualByComparingTo("15.50");
    }

    @Test
    void unknownEventTypesAreReportedAsEmpty() {
        var envelope = new EventEnvelope(1, "evt-2", "SomethingFromTheFuture", "X", "x-1", 0, 1,
                Instant.EPOCH, Map.of(), codec.toTree(Map.of("a", 1)));
        assertThat(codec.payload(envelope)).isEmpty();
        assertThat(codec.payload("evt-2", "SomethingFromTheFuture", "{\"a\":1}")).isEmpty();
    }

    /** A payload stored as text reads into the same record as through an envelope's tree, decimals exact. */
    @Test
    void readsAStoredPayloadStraightIntoItsRecord() throws Exception {
        String stored = codec.mapper().writeValueAsString(SUBMITTED);
        var envelope = new EventEnvelope(1, "evt-3", "RegistrationSubmitted", "Opportunity", "opp-1", 0, 1,
                Instant.EPOCH, Map.of(), codec.mapper().readTree(stored));

        assertThat(codec.payload("evt-3", "RegistrationSubmitted", stored)).contains(SUBMITTED)
                .isEqualTo(codec.payload(envelope));
        assertThat(((RegistrationSubmitted) codec.payload("evt-3", "RegistrationSubmitted", stored).orElseThrow())
                .estimatedValue().amount()).hasToString("1250000.00");
    }

    @Test
    void aStoredPayloadThatIsNotItsRecordNamesTheEvent() {
        assertThatThrownBy(() -> codec.payload("evt-4", "RegistrationSubmitted", "{\"position\":\"first\"}"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("payload of evt-4 is not a valid RegistrationSubmitted");
    }
}
