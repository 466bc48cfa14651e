package com.leadledger.kit.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Both services create the event topic at start when it is missing (Spring Kafka's admin), with one layout. */
@AutoConfiguration
@ConditionalOnClass(NewTopic.class)
@EnableConfigurationProperties(EventTopicProperties.class)
public class EventTopicConfiguration {

    @Bean
    NewTopic eventsTopic(EventTopicProperties events) {
        return new NewTopic(events.topic(), events.partitions(), events.replicas());
    }
}
