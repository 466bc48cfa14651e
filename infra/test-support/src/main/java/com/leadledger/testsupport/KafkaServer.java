package com.leadledger.testsupport;

/** A running Kafka broker. Obtain one from {@link TestInfrastructure#kafka()}. */
public interface KafkaServer {

    /** The {@code bootstrap.servers} value, e.g. {@code localhost:12345}. */
    String bootstrapServers();
}
