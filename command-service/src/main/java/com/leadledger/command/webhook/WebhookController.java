package com.leadledger.command.webhook;

import com.leadledger.command.web.HttpCommands;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner's webhook (the partner itself, or ADMIN for any partner; another partner's id is 404 as if it did not
 * exist): set it, rotate its secret, remove it, list its deliveries and send one again. The signing secret is answered
 * once, when issued; it is neither stored nor logged (see {@link WebhookSecrets}).
 */
@RestController
@RequestMapping("/api/v1/partners/{partnerId}/webhook")
@Tag(name = "webhooks")
class WebhookController {

    private final HttpCommands commands;
    private final WebhookSecrets secrets;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookController(HttpCommands commands, WebhookSecrets secrets, WebhookSubscriptions subscriptions,
                      WebhookDeliveries deliveries, WebhookDispatcher dispatcher, WebhookProperties properties,
                      Clock clock) {
        this.commands = commands;
        this.secrets = secrets;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    @Schema(example = "{\"url\": \"https://crm.example.com/leadledger\", "
            + "\"eventTypes\": [\"registration.approved\", \"support.changed\", \"dispute.ruled\"]}")
    record WebhookRequest(@NotBlank @Size(max = 500) String url,
                          @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {
    }

    /**
     * @param secret                   the signing secret: shown this once
     * @param previousSecretValidUntil until when deliveries are signed with the replaced secret too; null when none
     */
    record IssuedSecret(String partnerId, String url, List<String> eventTypes, String secret,
                        Instant previousSecretValidUntil) {
    }

    record WebhookView(String partnerId, String url, List<String> eventTypes, Instant previousSecretValidUntil) {
    }

    record DeliveryView(UUID id, String eventId, String eventType, String status, int attempts,
                        Integer lastHttpStatus, String lastError, Instant createdAt, Instant lastAttemptAt,
                        Instant nextAttemptAt) {

        static DeliveryView of(WebhookDeliveries.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status().name(), d.attempts(),
                    d.lastHttpStatus(), d.lastError(), d.createdAt(), d.lastAttemptAt(),
                    d.status() == WebhookDeliveries.Status.PENDING ? d.nextAttemptAt() : null);
        }
    }

    record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    @Operation(operationId = "subscribeWebhook", summary = "Set the partner's webhook",
            description = "Sets the endpoint (https, public addresses outside the local profile) and the event types "
                    + "it receives; answers the signing secret once. The partner itself or ADMIN; another partner's "
                    + "id is 404.")
    @PutMapping
    IssuedSecret subscribe(@PathVariable String partnerId, @Valid @RequestBody WebhookRequest body,
                           Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        Role role = actingRole(actor, partnerId);
        secrets.requireConfigured();
        String secretId = WebhookSecrets.newSecretId();
        commands.send(new SubscribeWebhook(partnerId, body.url(), body.eventTypes(), secretId), actor, role, request);
        return issued(partnerId, secretId);
    }

    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the webhook's signing secret",
            description = "Issues a new signing secret, answered once; the previous one stays valid for 24 hours and "
                    + "deliveries carry both signatures meanwhile.")
    @PostMapping("/rotate-secret")
    IssuedSecret rotate(@PathVariable String partnerId, Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        Role role = actingRole(actor, partnerId);
        secrets.requireConfigured();
        String secretId = WebhookSecrets.newSecretId();
        commands.send(new RotateWebhookSecret(partnerId, secretId), actor, role, request);
        return issued(partnerId, secretId);
    }

    @Operation(operationId = "removeWebhook", summary = "Remove the partner's webhook",
            description = "Stops deliveries to the partner's endpoint; deliveries already recorded stay visible.")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String partnerId, Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        commands.send(new RemoveWebhook(partnerId), actor, actingRole(actor, partnerId), request);
    }

    @Operation(operationId = "webhook", summary = "Read the partner's webhook",
            description = "The endpoint, its event types and until when the previous secret is still valid; 404 when "
                    + "none is set.")
    @GetMapping
    WebhookView current(@PathVariable String partnerId, Authentication auth) {
        actingRole(Actor.from(auth), partnerId);
        var subscription = subscriptions.find(partnerId).orElseThrow(() -> RuleViolation.notFound("webhook"));
        Instant until = subscription.previousValidUntil();
        return new WebhookView(partnerId, subscription.url(), subscription.eventTypes(),
                until != null && until.isAfter(clock.instant()) ? until : null);
    }

    @Operation(operationId = "webhookDeliveries", summary = "List the webhook's deliveries",
            description = "Newest first, paged: status, attempts, last HTTP status and error of each delivery.")
    @GetMapping("/deliveries")
    DeliveryPage deliveries(@PathVariable String partnerId, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size, Authentication auth) {
        actingRole(Actor.from(auth), partnerId);
        if (page < 0 || size < 1 || size > 200) {
            throw RuleViolation.invalidField(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be between 1 and 200");
        }
        return new DeliveryPage(deliveries.page(partnerId, page, size).stream().map(DeliveryView::of).toList(),
                page, size, deliveries.count(partnerId));
    }

    @Operation(operationId = "redeliverWebhook", summary = "Deliver again",
            description = "Queues the delivery again now, with a fresh 24-hour retry window.")
    @ApiResponse(responseCode = "202", description = "Queued again.")
    @PostMapping("/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView redeliver(@PathVariable String partnerId, @PathVariable UUID deliveryId, Authentication auth) {
        actingRole(Actor.from(auth), partnerId);
        Instant now = clock.instant();
        if (!deliveries.redeliver(partnerId, deliveryId, now, now.plus(properties.retryFor()))) {
            throw RuleViolation.notFound("delivery");
        }
        dispatcher.wake();
        return deliveries.find(partnerId, deliveryId).map(DeliveryView::of)
                .orElseThrow(() -> RuleViolation.notFound("delivery"));
    }

    private IssuedSecret issued(String partnerId, String secretId) {
        var subscription = subscriptions.find(partnerId).orElseThrow(() -> RuleViolation.notFound("webhook"));
        return new IssuedSecret(partnerId, subscription.url(), subscription.eventTypes(),
                secrets.secret(partnerId, secretId), subscription.previousValidUntil());
    }

    /** The partner itself acts as PARTNER, ADMIN for any partner; for another partner the webhook does not exist. */
    private static Role actingRole(Actor actor, String partnerId) {
        if (actor.has(Role.PARTNER) && partnerId.equals(actor.partnerId())) {
            return Role.PARTNER;
        }
        if (actor.has(Role.ADMIN)) {
            return Role.ADMIN;
        }
        throw RuleViolation.notFound("webhook");
    }
}
