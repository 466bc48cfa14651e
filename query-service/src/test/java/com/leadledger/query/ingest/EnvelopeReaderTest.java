package com.leadledger.query.ingest;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.EnvelopeSeal;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.UndecodableRecordException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeReaderTest {

    final EnvelopeReader reader = new EnvelopeReader(Fixtures.CODEC);

    @Test
    void readsAnEnvelopeAndItsTypedPayload() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted submitted = stream.submit("P-1");

        EnvelopeReader.Decoded decoded = reader.read(Fixtures.CODEC.encode(stream.last()));

        assertThat(decoded.envelope().eventId()).isEqualTo(stream.last().eventId());
        assertThat(decoded.envelope().metadata()).isEqualTo(stream.last().metadata());
        assertThat(decoded.payload()).contains(submitted);
    }

    @Test
    void anUnknownEventTypeIsReadWithoutAPayloadRecord() {
        EventEnvelope unknown = new Fixtures.OpportunityStream("NETWORK_SECURITY").unknown("SomethingNew");

        EnvelopeReader.Decoded decoded = reader.read(Fixtures.CODEC.encode(unknown));

        assertThat(decoded.envelope().eventType()).isEqualTo("SomethingNew");
        assertThat(decoded.payload()).isEmpty();
    }

    @Test
    void garbageIsUndecodable() {
        assertThatThrownBy(() -> reader.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo("envelope"));
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void anEnvelopeWithoutItsIdentityIsUndecodable() {
        assertThatThrownBy(() -> reader.read("{\"eventType\":\"RegistrationSubmitted\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("eventId")
                .hasMessageContaining("aggregateId");
    }

    @Test
    void aPayloadThatDoesNotFitItsTypeIsUndecodable() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        stream.submit("P-1");
        EventEnvelope good = stream.last();
        EventEnvelope bad = EnvelopeSeal.sealed(new EventEnvelope(good.schemaVersion(), good.eventId(),
                good.eventType(), good.aggregateType(), good.aggregateId(), good.sequenceNumber(), good.globalIndex(),
                good.timestamp(), good.metadata(), Fixtures.CODEC.mapper().createObjectNode().put("position", "first!")));

        assertThatThrownBy(() -> reader.read(Fixtures.CODEC.encode(bad)))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo("payload"));
    }

    @Test
    void anEnvelopeWhosePayloadDoesNotMatchItsTypeStillHasAnIdentity() {
        EventEnvelope opened = new Fixtures.OpportunityStream("NETWORK_SECURITY").opened();
        EventEnvelope broken = EnvelopeSeal.sealed(new EventEnvelope(opened.schemaVersion(),
                "broken-" + opened.eventId(), "RegistrationSubmitted", opened.aggregateType(), opened.aggregateId(), 1,
                opened.globalIndex(), opened.timestamp(), opened.metadata(),
                Fixtures.CODEC.mapper().createObjectNode().put("position", "x")));
        byte[] value = Fixtures.CODEC.encode(broken);

        assertThatThrownBy(() -> reader.read(value)).isInstanceOfSatisfying(UndecodableRecordException.class,
                e -> assertThat(e.reason()).isEqualTo("payload"));
        assertThat(reader.identify(value)).hasValueSatisfying(envelope -> {
            assertThat(envelope.eventId()).isEqualTo(broken.eventId());
            assertThat(envelope.aggregateId()).isEqualTo(opened.aggregateId());
        });
    }

    @Test
    void garbageAndEnvelopesWithoutIdentityHaveNone() {
        assertThat(reader.identify("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(reader.identify("{\"eventType\":\"X\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(reader.identify(null)).isEmpty();
        assertThat(reader.identify(new byte[0])).isEmpty();
    }
}
