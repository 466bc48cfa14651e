package com.leadledger.integrity.checkpoint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointBuilderTest {

    @Test
    void sealsTheRangeWithItsGapsAsTheVerifierExpectsIt() {
        List<CheckpointVerifierTest.Event> events = CheckpointVerifierTest.history(); // 1..12 without 4 and 9
        List<Checkpoint> expected = CheckpointVerifierTest.checkpoints(events);

        CheckpointBuilder first = new CheckpointBuilder(1, 1, 5, Checkpoint.GENESIS);
        events.stream().filter(e -> e.index() <= 5).forEach(e -> first.add(e.index(), e.hash()));
        Checkpoint one = first.seal();
        assertThat(one.gaps()).containsExactly(4L);
        assertThat(one.eventCount()).isEqualTo(4);
        assertThat(one.checkpointHash()).isEqualTo(expected.get(0).checkpointHash());

        CheckpointBuilder second = new CheckpointBuilder(2, 6, 10, one.checkpointHash());
        events.stream().filter(e -> e.index() >= 6 && e.index() <= 10).forEach(e -> second.add(e.index(), e.hash()));
        assertThat(second.seal().checkpointHash()).isEqualTo(expected.get(1).checkpointHash());
    }

    @Test
    void indexesAfterTheLastEventAreGapsAndAnEmptyRangeHasTheEmptyRoot() {
        CheckpointBuilder builder = new CheckpointBuilder(1, 1, 4, Checkpoint.GENESIS);
        builder.add(2, new byte[32]);
        assertThat(builder.seal().gaps()).containsExactly(1L, 3L, 4L);

        Checkpoint empty = new CheckpointBuilder(1, 1, 2, Checkpoint.GENESIS).seal();
        assertThat(empty.gaps()).containsExactly(1L, 2L);
        assertThat(empty.merkleRoot()).isEqualTo(new MerkleTree().root());
        assertThat(empty.hashIsValid()).isTrue();
    }

    @Test
    void refusesIndexesOutOfOrderOrOutsideTheRange() {
        CheckpointBuilder builder = new CheckpointBuilder(1, 5, 8, Checkpoint.GENESIS);
        builder.add(6, new byte[32]);
        assertThatThrownBy(() -> builder.add(6, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(9, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointBuilder(1, 5, 4, Checkpoint.GENESIS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
