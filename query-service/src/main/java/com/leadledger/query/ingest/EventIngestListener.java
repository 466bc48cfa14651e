package com.leadledger.query.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the event topic (value = envelope JSON, key = aggregate id). The container runs with
 * {@code enable.auto.commit=false} and ack mode RECORD: a record's offset is committed only after this method
 * returns, i.e. after {@link EventIngestor#ingest}'s transaction has committed. When it throws, nothing is committed
 * and the error handler seeks back, so the record is delivered again (see {@code KafkaIngestConfig}).
 */
@Component
class EventIngestListener {

    static final String LISTENER_ID = "event-ingest";

    private final EnvelopeReader reader;
    private final EventIngestor ingestor;

    EventIngestListener(EnvelopeReader reader, EventIngestor ingestor) {
        this.reader = reader;
        this.ingestor = ingestor;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${leadledger.kafka.topic}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        ingestor.ingest(IngestSource.of(record), reader.read(record.value()));
    }
}
