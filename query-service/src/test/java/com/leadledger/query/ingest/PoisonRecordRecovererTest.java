package com.leadledger.query.ingest;

import com.leadledger.query.projection.UndecodableRecordException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoisonRecordRecovererTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<IngestSource> parked = new ArrayList<>();
    final PoisonRecordRecoverer recoverer = new PoisonRecordRecoverer(meters, (source, failure) -> parked.add(source));
    final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 2, 40L, "key", new byte[]{1});

    @Test
    void anUndecodableRecordIsParkedAndCounted() {
        recoverer.accept(record, new ListenerExecutionFailedException("listener failed",
                new UndecodableRecordException("envelope", "not an envelope", null)));

        assertThat(parked).singleElement().satisfies(source -> {
            assertThat(source.coordinates()).isEqualTo("topic-2@40");
            assertThat(source.key()).isEqualTo("key");
            assertThat(source.value()).containsExactly(1);
        });
        assertThat(meters.counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "envelope").count()).isEqualTo(1);
    }

    @Test
    void anEventAProjectionKeepsRefusingIsParked() {
        recoverer.accept(record, new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("violates check constraint")));

        assertThat(parked).hasSize(1);
        assertThat(meters.find(PoisonRecordRecoverer.STALLED_COUNTER).counter()).isNull();
    }

    @Test
    void anUnavailableDatabaseIsNeitherSkippedNorParkedButRetried() {
        assertThatThrownBy(() -> recoverer.accept(record, new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("database down"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(parked).isEmpty();
        assertThat(meters.counter(PoisonRecordRecoverer.STALLED_COUNTER).count()).isEqualTo(1);
        assertThat(meters.find(PoisonRecordRecoverer.POISON_COUNTER).counter()).isNull();
    }

    @Test
    void aRecordThatCannotBeParkedIsRetriedNotSkipped() {
        PoisonRecordRecoverer failingToPark = new PoisonRecordRecoverer(meters, (source, failure) -> {
            throw new DataAccessResourceFailureException("database went away");
        });

        assertThatThrownBy(() -> failingToPark.accept(record, new ListenerExecutionFailedException("listener failed",
                new UndecodableRecordException("envelope", "not an envelope", null))))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(meters.counter(PoisonRecordRecoverer.STALLED_COUNTER).count()).isEqualTo(1);
    }
}
