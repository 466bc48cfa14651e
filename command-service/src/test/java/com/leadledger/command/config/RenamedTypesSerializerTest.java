package com.leadledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines persisted before the command side was cut into slices still fire after it. */
class RenamedTypesSerializerTest {

    private final JacksonSerializer events = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
    private final RenamedTypesSerializer serializer =
            new RenamedTypesSerializer(events, RenamedTypesSerializer.MOVED_DEADLINE_PAYLOADS);

    @Test
    void canReadADeadlinePayloadStoredUnderItsFormerClassName() {
        String stored = "{\"registrationId\":\"r-1\",\"level\":2,\"dueAt\":\"2026-11-23T09:00:00Z\"}";

        Object payload = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                "com.leadledger.command.opportunity.ReviewDeadline", null));

        assertThat(payload.getClass().getName()).isEqualTo("com.leadledger.command.registration.ReviewDeadline");
        assertThat(payload.toString()).contains("r-1", "level=2", "2026-11-23T09:00:00Z");
        assertThat(serializer.classForType(new SimpleSerializedObject<>(stored, String.class,
                "com.leadledger.command.opportunity.ProtectionDeadline", null).getType()).getName())
                .isEqualTo("com.leadledger.command.registration.ProtectionDeadline");
    }

    @Test
    void canWriteAndReadPayloadsUnderTheirCurrentNames() {
        SerializedObject<String> written = serializer.serialize(
                new com.leadledger.command.dispute.DisputeLevel(2, java.time.Instant.EPOCH), String.class);

        assertThat(written.getType().getName()).isEqualTo("com.leadledger.command.dispute.DisputeLevel");
        assertThat((Object) serializer.deserialize(written))
                .isEqualTo(new com.leadledger.command.dispute.DisputeLevel(2, java.time.Instant.EPOCH));
    }
}
