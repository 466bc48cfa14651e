package com.leadledger.kit.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every Kafka client of a service authenticates the same way: producers, consumers, Spring's admin (which creates the
 * event topic) and the health check are all built from Spring Boot's {@link KafkaProperties}, so the SASL settings
 * ({@link KafkaClientAuthentication}) are added there, once bound and before any client factory reads them. The
 * security protocol itself is Spring Boot's {@code spring.kafka.security.protocol}; mTLS is Spring Boot's
 * {@code spring.kafka.ssl.*} and needs nothing here.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.CommonClientConfigs")
@EnableConfigurationProperties(KafkaSaslProperties.class)
public class KafkaAuthenticationConfiguration {

    @Bean
    static BeanPostProcessor kafkaClientAuthentication(ObjectProvider<KafkaSaslProperties> sasl) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties kafka) {
                    kafka.getProperties().putAll(KafkaClientAuthentication.saslProperties(
                            kafka.getSecurity().getProtocol(), sasl.getObject()));
                }
                return bean;
            }
        };
    }
}
