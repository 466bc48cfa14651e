package com.leadledger.query.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record came from and what it carried, kept with a dead letter so that a retry can decode it again. */
public record IngestSource(String topic, int partition, long offset, String key, byte[] value) {

    public static IngestSource of(ConsumerRecord<?, ?> record) {
        Object key = record.key();
        byte[] value = record.value() instanceof byte[] bytes ? bytes : null;
        return new IngestSource(record.topic(), record.partition(), record.offset(),
                key == null ? null : key.toString(), value);
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
