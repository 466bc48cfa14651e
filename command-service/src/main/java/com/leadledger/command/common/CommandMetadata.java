package com.leadledger.command.common;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit metadata every command carries and every event it causes inherits (see {@link AuditCorrelationProvider}):
 * who acted, in which role, for which partner, and which request caused it. The HTTP adapter fills them from the
 * token and the request ({@code web.HttpCommands}); a process that reacts to an event names that event as the cause.
 */
public final class CommandMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String PARTNER_ID = "partnerId";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The id the caller gave its request, kept as its own reference; never a causation or correlation id. */
    public static final String CLIENT_REQUEST_ID = "clientRequestId";

    private CommandMetadata() {
    }

    /**
     * The metadata of a command a process sends in reaction to an event: the event's actor, role and request, its
     * correlation id (the event itself when it carries none), and the event as the cause.
     */
    public static MetaData causedBy(String causeEventId, MetaData causeMetaData) {
        Map<String, Object> meta = new HashMap<>();
        for (String key : List.of(ACTOR_ID, ACTOR_ROLE, REQUEST_ID)) {
            Object value = causeMetaData.get(key);
            if (value != null) {
                meta.put(key, value);
            }
        }
        meta.put(CORRELATION_ID, causeMetaData.getOrDefault(CORRELATION_ID, causeEventId));
        meta.put(CAUSATION_ID, causeEventId);
        return MetaData.from(meta);
    }
}
