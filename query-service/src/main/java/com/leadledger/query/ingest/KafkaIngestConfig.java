package com.leadledger.query.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.query.projection.UndecodableRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The ingest consumer's wiring. Boot's listener container factory picks up the error handler bean; the consumer and
 * container settings ({@code enable-auto-commit: false}, {@code ack-mode: batch}, group {@code leadledger-query})
 * are in application.yml.
 */
@Configuration
class KafkaIngestConfig {

    /**
     * The shared codec configuration, plus exact decimals: numbers in payloads are read as {@link java.math.BigDecimal}
     * (never through a double) and trees keep their scale, so a decimal like a policy's minimum value or a discount
     * survives the trip into {@code event_log} and the views unchanged.
     */
    @Bean
    EnvelopeCodec envelopeCodec() {
        ObjectMapper mapper = EnvelopeCodec.defaultMapper();
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return new EnvelopeCodec(mapper);
    }

    @Bean
    EnvelopeReader envelopeReader(EnvelopeCodec codec) {
        return new EnvelopeReader(codec);
    }

    /**
     * Offsets are committed without waiting for the broker's answer, so the next poll does not wait for it either.
     * They are still committed only after the poll's database transaction committed; an offset commit that is lost
     * (the service stops, the group rebalances) re-delivers records whose events are already stored, and ingest
     * ignores an event id it holds. Boot's listener container factory picks up this customizer.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    /**
     * A failed record is retried in place a bounded number of times with exponential back-off, then handed to the
     * {@link PoisonRecordRecoverer}: undecodable records (not retried at all) and records that keep failing are
     * parked as dead letters; passing infrastructure failures are sought back and retried again, never skipped.
     */
    @Bean
    DefaultErrorHandler ingestErrorHandler(PoisonRecordRecoverer recoverer, IngestRetryProperties retries) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries.maxRetries());
        backOff.setInitialInterval(retries.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retries.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UndecodableRecordException.class);
        return handler;
    }
}
