package com.leadledger.query.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * Decides what happens to a record once the error handler has given up retrying it.
 * <ul>
 *   <li>A record that can never be decoded ({@link UndecodableRecordException}) is logged with its coordinates,
 *       counted in {@code leadledger.ingest.poison} and skipped, so the consumer moves on. It is not kept anywhere
 *       else yet: the log line and the record itself, still on the topic until retention removes it, are all there
 *       is.</li>
 *   <li>Any other failure concerns a valid event that could not be stored or projected (typically the database is
 *       unavailable). Skipping it would leave a permanent hole in {@code event_log} and the views, so it is rethrown:
 *       the error handler seeks back and the record is tried again after a new round of back-off, until it
 *       succeeds. Its partition waits meanwhile; {@code leadledger.ingest.stalled} counts these rounds.</li>
 * </ul>
 */
@Component
public class PoisonRecordRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(PoisonRecordRecoverer.class);

    public static final String POISON_COUNTER = "leadledger.ingest.poison";
    public static final String STALLED_COUNTER = "leadledger.ingest.stalled";

    private final MeterRegistry meters;

    public PoisonRecordRecoverer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        UndecodableRecordException poison = undecodable(exception);
        if (poison != null) {
            log.error("skipping undecodable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), poison.getMessage());
            meters.counter(POISON_COUNTER, "reason", poison.reason()).increment();
            return;
        }
        meters.counter(STALLED_COUNTER).increment();
        log.error("could not ingest record {}-{}@{} (key {}) after retrying; it will be retried again and its "
                + "partition waits until it succeeds: {}", record.topic(), record.partition(), record.offset(),
                record.key(), rootMessage(exception));
        throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " is retried, not skipped", exception);
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    static UndecodableRecordException undecodable(Throwable exception) {
        Throwable current = exception;
        while (current != null) {
            if (current instanceof UndecodableRecordException undecodable) {
                return undecodable;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }
}
