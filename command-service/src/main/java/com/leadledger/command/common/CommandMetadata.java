package com.leadledger.command.common;

import com.leadledger.kit.security.Actor;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The audit metadata every command carries and every event it causes inherits (see {@link AuditCorrelationProvider}):
 * who acted, in which role, for which partner, and which request caused it.
 */
public final class CommandMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String PARTNER_ID = "partnerId";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CommandMetadata() {
    }

    /**
     * @param actingRole the role that authorized this action (a token may carry several)
     */
    public static CommandMessage<?> command(Object payload, Actor actor, Role actingRole, HttpServletRequest request) {
        String requestId = RequestIdFilter.current(request);
        Map<String, Object> meta = new HashMap<>();
        meta.put(ACTOR_ID, actor.subject());
        meta.put(ACTOR_ROLE, actingRole.name());
        if (actingRole == Role.PARTNER && actor.partnerId() != null) {
            meta.put(PARTNER_ID, actor.partnerId());
        }
        meta.put(REQUEST_ID, requestId);
        meta.put(CAUSATION_ID, requestId);
        meta.put(CORRELATION_ID, sane(request.getHeader(CORRELATION_HEADER), requestId));
        String idempotencyKey = request.getHeader(IDEMPOTENCY_HEADER);
        if (idempotencyKey != null && SANE.matcher(idempotencyKey).matches()) {
            meta.put(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(MetaData.from(meta));
    }

    private static String sane(String value, String fallback) {
        return value != null && SANE.matcher(value).matches() ? value : fallback;
    }
}
