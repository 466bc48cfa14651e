package com.leadledger.integrity.chain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChainsVerifierTest {

    /** Streams a (3 events) and b (2 events), in stream then sequence order. */
    static List<StoredEvent> history() {
        List<StoredEvent> events = new ArrayList<>(StreamVerifierTest.stream("a", 3));
        events.addAll(StreamVerifierTest.stream("b", 2));
        return events;
    }

    static Map<String, StreamHead> heads(List<StoredEvent> events) {
        Map<String, StreamHead> heads = new java.util.HashMap<>();
        events.forEach(e -> heads.put(e.aggregateId(), new StreamHead(e.sequenceNumber(), e.eventHash())));
        return heads;
    }

    static ChainsVerifier verify(ChainsVerifier verifier, List<StoredEvent> events) {
        for (StoredEvent event : events) {
            if (!verifier.accept(event)) {
                break;
            }
        }
        verifier.finish();
        return verifier;
    }

    @Test
    void anIntactHistoryVerifiesWithAndWithoutHeads() {
        List<StoredEvent> events = history();
        ChainsVerifier withHeads = verify(ChainsVerifier.againstHeads(heads(events)), events);
        assertThat(withHeads.firstBreak()).isEmpty();
        assertThat(withHeads.streams()).isEqualTo(2);
        assertThat(withHeads.events()).isEqualTo(5);

        assertThat(verify(ChainsVerifier.againstHeads(null), events).firstBreak()).isEmpty();
    }

    @Test
    void stopsAtTheFirstBreakAndCountsUpToIt() {
        List<StoredEvent> events = history();
        events.remove(1); // a's sequence 1
        ChainsVerifier verifier = ChainsVerifier.againstHeads(null);
        assertThat(verifier.accept(events.get(0))).isTrue();
        assertThat(verifier.accept(events.get(1))).isFalse();
        assertThat(verifier.accept(events.get(2))).isFalse();
        assertThat(verifier.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("SEQUENCE_GAP");
            assertThat(b.streamId()).isEqualTo("a");
        });
        assertThat(verifier.events()).isEqualTo(2);
        assertThat(verifier.streams()).isEqualTo(1);
    }

    @Test
    void aRemovedLastEventShowsAgainstItsHead() {
        List<StoredEvent> events = history();
        Map<String, StreamHead> heads = heads(events);
        events.remove(2); // a's last event
        assertThat(verify(ChainsVerifier.againstHeads(heads), events).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("HEAD_MISMATCH");
            assertThat(b.streamId()).isEqualTo("a");
            assertThat(b.expected()).startsWith("last sequence 2 with hash ");
            assertThat(b.found()).startsWith("last sequence 1 with hash ");
        });
    }

    @Test
    void aStreamWithoutHeadAndAHeadWithoutStreamAreNamed() {
        List<StoredEvent> events = history();
        Map<String, StreamHead> heads = heads(events);
        heads.remove("a");
        assertThat(verify(ChainsVerifier.againstHeads(heads), events).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo("HEAD_MISSING"));

        List<StoredEvent> withoutB = events.subList(0, 3);
        assertThat(verify(ChainsVerifier.againstHeads(heads(events)), withoutB).firstBreak())
                .hasValueSatisfying(b -> {
                    assertThat(b.kind()).isEqualTo("STREAM_MISSING");
                    assertThat(b.streamId()).isEqualTo("b");
                    assertThat(b.expected()).isEqualTo("events up to sequence 1");
                });
    }

    @Test
    void eventsWithoutHashAreUnverifiableOnlyWhenTolerated() {
        List<StoredEvent> events = new ArrayList<>(StreamVerifierTest.stream("a", 2));
        StoredEvent legacy = StreamVerifierTest.event("old", 0, "{}", EventChain.GENESIS, null);
        events.add(0, legacy);

        ChainsVerifier tolerant = verify(ChainsVerifier.toleratingUnhashedEvents(), events);
        assertThat(tolerant.firstBreak()).isEmpty();
        assertThat(tolerant.unverifiable()).isEqualTo(1);
        assertThat(tolerant.events()).isEqualTo(2);
        assertThat(tolerant.streams()).isEqualTo(2);

        assertThat(verify(ChainsVerifier.againstHeads(null), events).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo("HASH_MISMATCH"));
    }
}
