package com.leadledger.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the audit metadata of the handled message onto every message it causes, and records the handled message's
 * id as the new message's {@code causationId}; the {@code correlationId} stays the one of the originating request.
 *
 * <p>Commands are not stored, so a command that names its own cause (the request that sent it, or the stored event a
 * process reacted to, such as a dispute ruling whose effects it carries out) passes that {@code causationId} on to the
 * events it causes: every event's causation points at something an auditor can find.
 */
public class AuditCorrelationProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(CommandMetadata.ACTOR_ID, CommandMetadata.ACTOR_ROLE,
            CommandMetadata.PARTNER_ID, CommandMetadata.REQUEST_ID, CommandMetadata.IDEMPOTENCY_KEY,
            CommandMetadata.CLIENT_REQUEST_ID);

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
        Object namedCause = message instanceof CommandMessage<?>
                ? message.getMetaData().get(CommandMetadata.CAUSATION_ID) : null;
        data.put(CommandMetadata.CAUSATION_ID, namedCause != null ? namedCause : message.getIdentifier());
        return data;
    }
}
