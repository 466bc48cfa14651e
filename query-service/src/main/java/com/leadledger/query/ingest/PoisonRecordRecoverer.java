package com.leadledger.query.ingest;

import com.leadledger.query.projection.UndecodableRecordException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * Decides what happens to a record once the error handler has given up retrying it. Nothing is ever skipped:
 * <ul>
 *   <li>A passing failure of the infrastructure ({@link Failures#isTransient}, typically the database is unavailable)
 *       is rethrown: the error handler seeks back and the record is tried again after a new round of back-off,
 *       until it succeeds. Its partition waits meanwhile; {@code leadledger.ingest.stalled} counts these rounds.</li>
 *   <li>Anything else is a property of the record: it would fail again on every attempt. It is parked in the
 *       dead-letter store ({@link RecordParking}) and the consumer moves on. An undecodable record
 *       ({@link UndecodableRecordException}, never retried) is also counted in {@code leadledger.ingest.poison}.
 *       When parking itself fails (the database went away meanwhile), the record is retried like a passing
 *       failure.</li>
 * </ul>
 */
@Component
public class PoisonRecordRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(PoisonRecordRecoverer.class);

    public static final String POISON_COUNTER = "leadledger.ingest.poison";
    public static final String STALLED_COUNTER = "leadledger.ingest.stalled";

    private final MeterRegistry meters;
    private final RecordParking parking;

    public PoisonRecordRecoverer(MeterRegistry meters, RecordParking parking) {
        this.meters = meters;
        this.parking = parking;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        UndecodableRecordException poison = UndecodableRecordException.in(exception);
        if (poison == null && Failures.isTransient(exception)) {
            meters.counter(STALLED_COUNTER).increment();
            log.error("could not ingest record {}-{}@{} (key {}) after retrying; it will be retried again and its "
                    + "partition waits until it succeeds: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), Failures.root(exception).toString());
            throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is retried, not skipped", exception);
        }
        try {
            parking.park(IngestSource.of(record), exception);
        } catch (RuntimeException parkingFailed) {
            meters.counter(STALLED_COUNTER).increment();
            log.error("could not park record {}-{}@{}; it will be retried: {}", record.topic(), record.partition(),
                    record.offset(), Failures.root(parkingFailed).toString());
            throw parkingFailed;
        }
        if (poison != null) {
            meters.counter(POISON_COUNTER, "reason", poison.reason()).increment();
        }
    }
}
