package com.leadledger.command.web;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.RecordedEvents;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.idempotency.IdempotencyFilter;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a controller acts: it sends one command through the command bus on behalf of the authenticated caller, with the
 * audit metadata every event inherits (who, in which role, for which partner, which request). Request, causation and
 * correlation ids are the server's; the caller's own id is kept only as {@code clientRequestId}. Every rule is checked
 * behind the bus; refusals come back as {@code RuleViolation}s. The ids of the events each command recorded are kept
 * with the request ({@link #recordedEventIds}), for {@link RecordedEventIdsAdvice} to add to the response.
 */
@Component
public class HttpCommands {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String RECORDED_EVENT_IDS = HttpCommands.class.getName() + ".recordedEventIds";

    private final CommandGateway gateway;
    private final RecordedEvents recordedEvents;

    HttpCommands(CommandGateway gateway, RecordedEvents recordedEvents) {
        this.gateway = gateway;
        this.recordedEvents = recordedEvents;
    }

    /**
     * @param actingRole the role that authorized this action (a token may carry several)
     * @return the command handler's result
     */
    public <R> R send(Object command, Actor actor, Role actingRole, HttpServletRequest request) {
        CommandMessage<?> message = message(command, actor, actingRole, request);
        recordedEvents.expect(message.getIdentifier());
        R result;
        List<String> recorded;
        try {
            result = gateway.sendAndWait(message);
        } finally {
            recorded = recordedEvents.collect(message.getIdentifier());
        }
        recordedEventIdsOf(request).addAll(recorded);
        return result;
    }

    /**
     * The ids of the events the commands this request sent recorded, in order; null if it sent none (or none
     * succeeded).
     */
    static List<String> recordedEventIds(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) request.getAttribute(RECORDED_EVENT_IDS);
        return ids == null ? null : List.copyOf(ids);
    }

    private static List<String> recordedEventIdsOf(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) request.getAttribute(RECORDED_EVENT_IDS);
        if (ids == null) {
            ids = new ArrayList<>();
            request.setAttribute(RECORDED_EVENT_IDS, ids);
        }
        return ids;
    }

    static CommandMessage<?> message(Object payload, Actor actor, Role actingRole, HttpServletRequest request) {
        String requestId = RequestIdFilter.current(request);
        Map<String, Object> meta = new HashMap<>();
        meta.put(CommandMetadata.ACTOR_ID, actor.subject());
        meta.put(CommandMetadata.ACTOR_ROLE, actingRole.name());
        if (actingRole == Role.PARTNER && actor.partnerId() != null) {
            meta.put(CommandMetadata.PARTNER_ID, actor.partnerId());
        }
        meta.put(CommandMetadata.REQUEST_ID, requestId);
        meta.put(CommandMetadata.CAUSATION_ID, requestId);
        meta.put(CommandMetadata.CORRELATION_ID, requestId);
        String clientRequestId = RequestIdFilter.clientRequestId(request);
        if (clientRequestId != null) {
            meta.put(CommandMetadata.CLIENT_REQUEST_ID, clientRequestId);
        }
        String idempotencyKey = request.getHeader(IdempotencyFilter.HEADER);
        if (idempotencyKey != null && SANE.matcher(idempotencyKey).matches()) {
            meta.put(CommandMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(MetaData.from(meta));
    }
}
