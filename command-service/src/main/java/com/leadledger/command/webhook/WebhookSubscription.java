package com.leadledger.command.webhook;

import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.events.partner.WebhookRemoved;
import com.leadledger.events.partner.WebhookSecretRotated;
import com.leadledger.events.partner.WebhookSubscribed;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's webhook endpoint, in a stream of its own ({@code webhook-<partnerId>}): its URL, the event types it
 * wants and which signing secrets are in force. A replaced secret stays valid for the overlap, so a receiver can
 * switch without losing deliveries.
 */
@Aggregate
class WebhookSubscription {

    @AggregateIdentifier
    private String subscriptionId;
    private String partnerId;
    private boolean active;
    private String secretId;

    WebhookSubscription() {
        // for Axon
    }

    static String idOf(String partnerId) {
        return "webhook-" + partnerId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubscribeWebhook command, Clock clock, PartnerDirectory partners, WebhookAddressPolicy addresses,
                WebhookProperties properties) {
        if (partners.find(command.partnerId()).isEmpty()) {
            throw RuleViolation.notFound("partner");
        }
        String url = addresses.check(command.url() == null ? "" : command.url(), "url").toString();
        List<String> types = eventTypes(command.eventTypes());
        Instant now = clock.instant();
        boolean overlap = active && secretId != null;
        apply(new WebhookSubscribed(command.partnerId(), url, types, command.secretId(),
                overlap ? secretId : null, overlap ? now.plus(properties.secretOverlap()) : null, now));
    }

    @CommandHandler
    void handle(RotateWebhookSecret command, Clock clock, WebhookProperties properties) {
        requireActive();
        Instant now = clock.instant();
        apply(new WebhookSecretRotated(partnerId, command.secretId(), secretId, now.plus(properties.secretOverlap()),
                now));
    }

    @CommandHandler
    void handle(RemoveWebhook command, Clock clock) {
        requireActive();
        apply(new WebhookRemoved(partnerId, clock.instant()));
    }

    private void requireActive() {
        if (!active) {
            throw RuleViolation.notFound("webhook");
        }
    }

    /** The requested types, sorted and without repeats, each one a documented type. */
    private static List<String> eventTypes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw RuleViolation.invalidField("eventTypes", "must name at least one event type",
                    "WEBHOOK_EVENT_TYPES_EMPTY");
        }
        List<FieldProblem> problems = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || WebhookEventType.byWireName(type).isEmpty()) {
                problems.add(new FieldProblem("eventTypes[" + i + "]", "is no webhook event type",
                        "WEBHOOK_EVENT_TYPE_UNKNOWN"));
            } else {
                types.add(type);
            }
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.invalidFields("Unknown webhook event types", problems);
        }
        return List.copyOf(types);
    }

    @EventSourcingHandler
    void on(WebhookSubscribed event) {
        subscriptionId = idOf(event.partnerId());
        partnerId = event.partnerId();
        secretId = event.secretId();
        active = true;
    }

    @EventSourcingHandler
    void on(WebhookSecretRotated event) {
        secretId = event.secretId();
    }

    @EventSourcingHandler
    void on(WebhookRemoved event) {
        active = false;
        secretId = null;
    }
}
