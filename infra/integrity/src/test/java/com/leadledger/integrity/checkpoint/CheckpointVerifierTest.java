package com.leadledger.integrity.checkpoint;

import com.leadledger.integrity.Hashes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointVerifierTest {

    record Event(long index, String id, String stream, long sequence, byte[] hash) {
    }

    /** Global indexes 1..12, with 4 and 9 rolled back (gaps); two streams interleaved. */
    static List<Event> history() {
        List<Event> events = new ArrayList<>();
        long[] sequences = new long[2];
        for (long i = 1; i <= 12; i++) {
            if (i == 4 || i == 9) {
                continue;
            }
            int stream = (int) (i % 2);
            events.add(new Event(i, "e" + i, "s" + stream, sequences[stream]++,
                    Hashes.sha256().digest(("event " + i).getBytes(StandardCharsets.UTF_8))));
        }
        return events;
    }

    /** Checkpoints over 1..5, 6..10 and 11..12, as the command side would seal them. */
    static List<Checkpoint> checkpoints(List<Event> events) {
        long[][] ranges = {{1, 5}, {6, 10}, {11, 12}};
        List<Checkpoint> list = new ArrayList<>();
        byte[] previous = Checkpoint.GENESIS;
        for (int n = 0; n < ranges.length; n++) {
            long first = ranges[n][0];
            long last = ranges[n][1];
            MerkleTree tree = new MerkleTree();
            List<Long> gaps = new ArrayList<>();
            for (long i = first; i <= last; i++) {
                long index = i;
                Optional<Event> event = events.stream().filter(e -> e.index() == index).findFirst();
                event.ifPresentOrElse(e -> tree.add(e.index(), e.hash()), () -> gaps.add(index));
            }
            Checkpoint c = Checkpoint.seal(n + 1, first, last, tree.size(), gaps, tree.root(), previous);
            list.add(c);
            previous = c.checkpointHash();
        }
        return list;
    }

    static CheckpointVerifier verify(List<Checkpoint> checkpoints, List<Event> events) {
        CheckpointVerifier verifier = new CheckpointVerifier(checkpoints);
        events.forEach(e -> verifier.accept(e.index(), e.id(), e.stream(), e.sequence(), e.hash()));
        verifier.finish();
        return verifier;
    }

    static List<Event> without(List<Event> events, Predicate<Event> removed) {
        return events.stream().filter(removed.negate()).toList();
    }

    @Test
    void anUntouchedHistoryVerifiesAndEventsAfterTheLastCheckpointAreOnlyCounted() {
        List<Event> events = new ArrayList<>(history());
        List<Checkpoint> checkpoints = checkpoints(events);
        events.add(new Event(13, "e13", "s1", 99, new byte[32]));
        CheckpointVerifier verifier = verify(checkpoints, events);
        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.verifiedCheckpoints()).isEqualTo(3);
        assertThat(verifier.coveredEvents()).isEqualTo(10);
        assertThat(verifier.uncoveredEvents()).isEqualTo(1);
        assertThat(checkpoints.get(0).gaps()).containsExactly(4L);
        assertThat(checkpoints.get(1).gaps()).containsExactly(9L);
        assertThat(verifier.lastVerified()).contains(checkpoints.get(2));
        assertThat(verifier.eventsThroughLastVerified()).isEqualTo(10);
        assertThat(verifier.highestIndexThroughLastVerified()).isEqualTo(12);
    }

    @Test
    void aVerifierResumedAfterAVerifiedCheckpointReadsOnlyWhatFollowsIt() {
        List<Event> events = new ArrayList<>(history());
        List<Checkpoint> checkpoints = checkpoints(events);
        events.add(new Event(13, "e13", "s1", 99, new byte[32]));
        List<Event> afterSecond = events.stream().filter(e -> e.index() > 10).toList();

        CheckpointVerifier resumed = CheckpointVerifier.after(checkpoints.get(1), checkpoints.subList(2, 3));
        afterSecond.forEach(e -> resumed.accept(e.index(), e.id(), e.stream(), e.sequence(), e.hash()));
        assertThat(resumed.finish()).isEmpty();
        assertThat(resumed.verifiedCheckpoints()).isEqualTo(1);
        assertThat(resumed.lastVerified()).contains(checkpoints.get(2));
        assertThat(resumed.eventsThroughLastVerified()).isEqualTo(2);
        assertThat(resumed.highestIndexThroughLastVerified()).isEqualTo(12);
        assertThat(resumed.coveredUpTo()).isEqualTo(12);
        assertThat(resumed.uncoveredEvents()).isEqualTo(1);

        // nothing sealed since: what follows the last verified checkpoint is only counted
        CheckpointVerifier idle = CheckpointVerifier.after(checkpoints.get(2), List.of());
        events.stream().filter(e -> e.index() > 12)
                .forEach(e -> idle.accept(e.index(), e.id(), e.stream(), e.sequence(), e.hash()));
        assertThat(idle.finish()).isEmpty();
        assertThat(idle.coveredUpTo()).isEqualTo(12);
        assertThat(idle.lastVerified()).isEmpty();
        assertThat(idle.uncoveredEvents()).isEqualTo(1);
    }

    @Test
    void aResumedVerifierCatchesAnUnlinkedCheckpointAndAnEventMissingAfterItsStart() {
        List<Event> events = history();
        List<Checkpoint> checkpoints = checkpoints(events);
        List<Event> afterFirst = events.stream().filter(e -> e.index() > 5).toList();

        CheckpointVerifier skipping = CheckpointVerifier.after(checkpoints.get(0), checkpoints.subList(2, 3));
        assertThat(skipping.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("CHECKPOINT_LINK_MISMATCH");
            assertThat(b.checkpoint()).isEqualTo(3);
        });

        CheckpointVerifier missing = CheckpointVerifier.after(checkpoints.get(0), checkpoints.subList(1, 3));
        without(afterFirst, e -> e.index() == 6)
                .forEach(e -> missing.accept(e.index(), e.id(), e.stream(), e.sequence(), e.hash()));
        assertThat(missing.finish()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("EVENT_MISSING");
            assertThat(b.globalIndex()).isEqualTo(6);
        });
        assertThat(missing.lastVerified()).isEmpty();
    }

    @Test
    void aDeletedEventIsNamedByItsGlobalIndex() {
        CheckpointVerifier verifier = verify(checkpoints(history()), without(history(), e -> e.index() == 7));
        assertThat(verifier.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("EVENT_MISSING");
            assertThat(b.checkpoint()).isEqualTo(2);
            assertThat(b.globalIndex()).isEqualTo(7);
            assertThat(b.describe()).contains("checkpoint #2 (global index 6..10) at global index 7");
        });
    }

    @Test
    void theLastEventAndAWholeStreamRemovedAreCaught() {
        assertThat(verify(checkpoints(history()), without(history(), e -> e.index() == 12)).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind() + "@" + b.globalIndex()).isEqualTo("EVENT_MISSING@12"));
        assertThat(verify(checkpoints(history()), without(history(), e -> e.stream().equals("s1"))).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind() + "@" + b.globalIndex()).isEqualTo("EVENT_MISSING@1"));
    }

    @Test
    void anEventInsertedIntoAGapIsNamed() {
        List<Event> events = new ArrayList<>(history());
        List<Checkpoint> checkpoints = checkpoints(events);
        events.add(3, new Event(4, "forged", "s0", 2, new byte[32]));
        assertThat(verify(checkpoints, events).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("EVENT_INSERTED");
            assertThat(b.globalIndex()).isEqualTo(4);
            assertThat(b.eventId()).isEqualTo("forged");
            assertThat(b.streamId()).isEqualTo("s0");
        });
    }

    @Test
    void aRewrittenEventHashChangesTheRootOfItsRange() {
        List<Event> events = new ArrayList<>(history());
        List<Checkpoint> checkpoints = checkpoints(events);
        Event original = events.get(8);
        events.set(8, new Event(original.index(), original.id(), original.stream(), original.sequence(), new byte[32]));
        assertThat(verify(checkpoints, events).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("ROOT_MISMATCH");
            assertThat(b.checkpoint()).isEqualTo(3);
            assertThat(b.firstIndex()).isEqualTo(11);
        });
    }

    @Test
    void aTamperedOrUnlinkedCheckpointIsCaught() {
        List<Event> events = history();
        List<Checkpoint> checkpoints = new ArrayList<>(checkpoints(events));
        Checkpoint second = checkpoints.get(1);
        checkpoints.set(1, new Checkpoint(2, 6, 10, second.eventCount() - 1, second.gaps(), second.merkleRoot(),
                second.previousHash(), second.checkpointHash()));
        assertThat(verify(checkpoints, events).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo("CHECKPOINT_TAMPERED"));

        List<Checkpoint> resealed = new ArrayList<>(checkpoints(events));
        Checkpoint forged = resealed.get(1);
        resealed.set(1, Checkpoint.seal(2, 6, 10, forged.eventCount(), forged.gaps(), forged.merkleRoot(),
                new byte[32]));
        assertThat(verify(resealed, events).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo("CHECKPOINT_LINK_MISMATCH"));

        List<Checkpoint> dropped = new ArrayList<>(checkpoints(events));
        dropped.remove(1);
        assertThat(verify(dropped, events).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.checkpoint()).isEqualTo(3));
    }

    @Test
    void aSecondEventAtACoveredIndexIsAnInsertionEvenAtTheVeryLastOne() {
        for (long index : new long[]{7, 12}) {
            List<Event> events = new ArrayList<>(history());
            List<Checkpoint> checkpoints = checkpoints(events);
            int position = events.indexOf(events.stream().filter(e -> e.index() == index).findFirst().orElseThrow());
            events.add(position + 1, new Event(index, "duplicate", "s9", 0, new byte[32]));
            assertThat(verify(checkpoints, events).firstBreak()).as("index %d", index).hasValueSatisfying(b -> {
                assertThat(b.kind()).isEqualTo("EVENT_INSERTED");
                assertThat(b.globalIndex()).isEqualTo(index);
                assertThat(b.eventId()).isEqualTo("duplicate");
            });
        }
    }
}
