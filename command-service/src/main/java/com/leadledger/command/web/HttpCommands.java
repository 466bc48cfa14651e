package com.leadledger.command.web;

import com.leadledger.command.common.CommandMetadata;
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

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a controller acts: it sends one command through the command bus on behalf of the authenticated caller, with the
 * audit metadata every event inherits (who, in which role, for which partner, which request). Request, causation and
 * correlation ids are the server's; the caller's own id is kept only as {@code clientRequestId}. Every rule is checked
 * behind the bus; refusals come back as {@code RuleViolation}s.
 */
@Component
public class HttpCommands {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final CommandGateway gateway;

    HttpCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * @param actingRole the role that authorized this action (a token may carry several)
     * @return the command handler's result
     */
    public <R> R send(Object command, Actor actor, Role actingRole, HttpServletRequest request) {
        return gateway.sendAndWait(message(command, actor, actingRole, request));
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
