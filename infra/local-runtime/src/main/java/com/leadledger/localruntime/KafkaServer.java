package com.leadledger.localruntime;

/** A running Kafka broker: a {@link KafkaBrokerProcess}, or one the tests' infrastructure found or started. */
public interface KafkaServer {

    /** The {@code bootstrap.servers} value, e.g. {@code localhost:12345}. */
    String bootstrapServers();
}
