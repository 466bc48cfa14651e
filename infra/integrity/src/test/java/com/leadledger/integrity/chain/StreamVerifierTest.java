package com.leadledger.integrity.chain;

import com.leadledger.integrity.Hashes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamVerifierTest {

    /** A correctly chained stream of n events. */
    static List<StoredEvent> stream(String id, int n) {
        List<StoredEvent> events = new ArrayList<>();
        byte[] previous = EventChain.GENESIS;
        for (int i = 0; i < n; i++) {
            StoredEvent unhashed = event(id, i, "{\"n\":" + i + "}", previous, null);
            byte[] hash = EventChain.hash(previous, unhashed);
            events.add(event(id, i, "{\"n\":" + i + "}", previous, hash));
            previous = hash;
        }
        return events;
    }

    static StoredEvent event(String stream, long seq, String payload, byte[] previous, byte[] hash) {
        return new StoredEvent("e-" + stream + "-" + seq, stream, seq, "Opportunity", "x.Evt", null,
                "2026-11-22T09:00:00Z", payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                previous, hash);
    }

    static StreamVerifier verify(List<StoredEvent> events) {
        StreamVerifier verifier = new StreamVerifier("s");
        events.forEach(verifier::accept);
        return verifier;
    }

    @Test
    void acceptsAnIntactStream() {
        StreamVerifier verifier = verify(stream("s", 5));
        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.verifiedEvents()).isEqualTo(5);
    }

    @Test
    void namesAModifiedEvent() {
        List<StoredEvent> events = stream("s", 5);
        StoredEvent e = events.get(2);
        events.set(2, event("s", 2, "{\"n\":99}", e.previousHash(), e.eventHash()));
        assertThat(verify(events).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("HASH_MISMATCH");
            assertThat(b.sequenceNumber()).isEqualTo(2);
            assertThat(b.found()).isEqualTo(Hashes.hex(e.eventHash()));
        });
    }

    @Test
    void namesTheGapOfADeletedEvent() {
        List<StoredEvent> events = stream("s", 5);
        events.remove(1);
        assertThat(verify(events).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("SEQUENCE_GAP");
            assertThat(b.expected()).isEqualTo("1");
            assertThat(b.found()).isEqualTo("2");
        });
    }

    @Test
    void namesAnInsertedEventThatDoesNotLinkUp() {
        List<StoredEvent> events = stream("s", 3);
        // renumber to make room, as an attacker would, keeping the stored hashes
        List<StoredEvent> tampered = new ArrayList<>(List.of(events.get(0)));
        tampered.add(event("s", 1, "{\"forged\":true}", events.get(0).eventHash(), new byte[32]));
        tampered.add(event("s", 2, "{\"n\":1}", events.get(1).previousHash(), events.get(1).eventHash()));
        assertThat(verify(tampered).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("HASH_MISMATCH");
            assertThat(b.sequenceNumber()).isEqualTo(1);
        });
    }

    @Test
    void namesReorderedEvents() {
        List<StoredEvent> events = stream("s", 4);
        StoredEvent second = events.get(1);
        StoredEvent third = events.get(2);
        events.set(1, event("s", 1, new String(third.payload(), StandardCharsets.UTF_8), third.previousHash(), third.eventHash()));
        events.set(2, event("s", 2, new String(second.payload(), StandardCharsets.UTF_8), second.previousHash(), second.eventHash()));
        assertThat(verify(events).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("LINK_MISMATCH");
            assertThat(b.sequenceNumber()).isEqualTo(1);
        });
    }
}
