package com.leadledger.command.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's stored JSON: Axon's {@code JacksonSerializer} (events, their metadata, tracking tokens, deadline
 * payloads) and the command-side views written from events. Axon 4 serializes with Jackson 2, while Spring Boot's own
 * JSON (the HTTP edge) is Jackson 3, so this Jackson 2 mapper is declared here; Axon's auto-configuration takes the
 * bean of this name instead of building its own.
 *
 * <p>It is configured exactly as Spring Boot 3's {@code ObjectMapper}, which wrote every event stored so far: ISO-8601
 * instants and durations, properties in declaration order, nulls written, unknown properties ignored when reading. The
 * hash chain covers the bytes of every stored event and the query side keeps them verbatim, so a change here is a
 * change of the stored format ({@code StoredEventFormatTest} pins it).
 */
@Configuration
class StoredJsonConfig {

    @Bean("defaultAxonObjectMapper")
    ObjectMapper storedJsonMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
    }
}
