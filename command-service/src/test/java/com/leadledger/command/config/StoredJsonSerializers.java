package com.leadledger.command.config;

import org.axonframework.serialization.json.JacksonSerializer;

/** For tests outside this package: Axon's serializer with the service's stored-JSON mapper, as the service builds it. */
public final class StoredJsonSerializers {

    private StoredJsonSerializers() {
    }

    public static JacksonSerializer general() {
        return JacksonSerializer.builder().objectMapper(new StoredJsonConfig().storedJsonMapper()).build();
    }
}
