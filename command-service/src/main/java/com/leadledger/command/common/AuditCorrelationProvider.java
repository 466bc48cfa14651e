package com.leadledger.command.common;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the audit metadata of the handled message onto every message it causes, and records the handled message's
 * id as the new message's {@code causationId}; the {@code correlationId} stays the one of the originating request.
 */
public class AuditCorrelationProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(CommandMetadata.ACTOR_ID, CommandMetadata.ACTOR_ROLE,
            CommandMetadata.PARTNER_ID, CommandMetadata.REQUEST_ID, CommandMetadata.IDEMPOTENCY_KEY);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(CommandMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(CommandMetadata.CORRELATION_ID, message.getIdentifier()));
        data.put(CommandMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
