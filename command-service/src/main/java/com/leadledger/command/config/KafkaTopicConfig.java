package com.leadledger.command.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class KafkaTopicConfig {

    /** Created at startup when missing; keyed by aggregate id, so partitions only spread unrelated aggregates. */
    @Bean
    NewTopic eventsTopic(@Value("${leadledger.kafka.topic}") String topic,
                         @Value("${leadledger.kafka.partitions:6}") int partitions,
                         @Value("${leadledger.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build();
    }
}
