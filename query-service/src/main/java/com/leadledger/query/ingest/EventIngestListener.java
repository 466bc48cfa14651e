package com.leadledger.query.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Consumes the event topic (value = envelope JSON, key = aggregate id) a poll at a time. The container runs with
 * {@code enable.auto.commit=false} and ack mode BATCH: the offsets of a poll are committed only after this method
 * returns, i.e. after the database transaction of its records has committed (without waiting for the broker's answer,
 * see {@code KafkaIngestConfig}).
 * <p>
 * The records of a poll are ingested together ({@link EventIngestor#ingestAll}). When that fails (a record that cannot
 * be decoded or applied, the database away), nothing of it is stored and its records are ingested one by one, each in
 * its own transaction, as before batching: the records ahead of a failing one are stored, and the failing one is
 * reported to the error handler ({@link BatchListenerFailedException}), which commits the offsets before it, retries
 * it with back-off and hands it to the {@link PoisonRecordRecoverer} when retrying does not help, then goes on with
 * the rest (see {@code KafkaIngestConfig}).
 */
@Component
class EventIngestListener {

    static final String LISTENER_ID = "event-ingest";

    private static final Logger log = LoggerFactory.getLogger(EventIngestListener.class);

    private final EnvelopeReader reader;
    private final EventIngestor ingestor;

    EventIngestListener(EnvelopeReader reader, EventIngestor ingestor) {
        this.reader = reader;
        this.ingestor = ingestor;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${leadledger.kafka.topic}", batch = "true")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() > 1) {
            try {
                ingestor.ingestAll(records.stream().map(record -> new EventIngestor.Received(IngestSource.of(record),
                        reader.read(record.value()))).toList());
                return;
            } catch (RuntimeException batchFailed) {
                log.info("the batch of {} records from {} failed ({}); ingesting them one by one", records.size(),
                        IngestSource.of(records.get(0)).coordinates(), Failures.root(batchFailed).toString());
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ingestor.ingest(IngestSource.of(record), reader.read(record.value()));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("could not ingest record " + IngestSource.of(record)
                        .coordinates(), failed, record);
            }
        }
    }
}
