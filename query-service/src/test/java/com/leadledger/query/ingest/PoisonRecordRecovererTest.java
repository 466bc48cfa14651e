package com.leadledger.query.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoisonRecordRecovererTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PoisonRecordRecoverer recoverer = new PoisonRecordRecoverer(meters);
    final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 2, 40L, "key", new byte[]{1});

    @Test
    void anUndecodableRecordIsCountedAndSkipped() {
        recoverer.accept(record, new ListenerExecutionFailedException("listener failed",
                new UndecodableRecordException("envelope", "not an envelope", null)));

        assertThat(meters.counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "envelope").count()).isEqualTo(1);
    }

    @Test
    void anyOtherFailureIsNotSkippedButRetried() {
        assertThatThrownBy(() -> recoverer.accept(record, new ListenerExecutionFailedException("listener failed",
                new org.springframework.dao.DataAccessResourceFailureException("database down"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(meters.counter(PoisonRecordRecoverer.STALLED_COUNTER).count()).isEqualTo(1);
        assertThat(meters.find(PoisonRecordRecoverer.POISON_COUNTER).counter()).isNull();
    }
}
