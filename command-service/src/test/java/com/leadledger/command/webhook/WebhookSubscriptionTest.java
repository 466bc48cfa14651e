package com.leadledger.command.webhook;

import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.WebhookRemoved;
import com.leadledger.events.partner.WebhookSecretRotated;
import com.leadledger.events.partner.WebhookSubscribed;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static com.leadledger.command.common.RuleViolations.invalidField;
import static com.leadledger.command.common.RuleViolations.violation;

class WebhookSubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final String URL = "https://93.184.215.14/hooks";
    private static final WebhookSubscribed SUBSCRIBED = new WebhookSubscribed("P-1", URL,
            List.of("registration.approved"), "s1", null, null, NOW.minusSeconds(60));

    private AggregateTestFixture<WebhookSubscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookSubscription.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((PartnerDirectory) id -> "P-1".equals(id)
                ? Optional.of(new PartnerDirectory.RegisteredPartner(id, "Alpha", PartnerTier.GOLD, List.of(), false))
                : Optional.empty());
        fixture.registerInjectableResource(new WebhookAddressPolicy(false));
        fixture.registerInjectableResource(new WebhookProperties("k".repeat(32), false, Duration.ofHours(24),
                Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 8, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @Test
    void canSubscribeWithEventTypesSortedWithoutRepeats() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("P-1", URL,
                        List.of("support.changed", "registration.approved", "support.changed"), "s1"))
                .expectEvents(new WebhookSubscribed("P-1", URL, List.of("registration.approved", "support.changed"),
                        "s1", null, null, NOW));
    }

    @Test
    void canReplaceTheEndpointKeepingTheFormerSecretValidForADay() {
        fixture.given(SUBSCRIBED)
                .when(new SubscribeWebhook("P-1", "https://93.184.215.15/new", List.of("dispute.ruled"), "s2"))
                .expectEvents(new WebhookSubscribed("P-1", "https://93.184.215.15/new", List.of("dispute.ruled"),
                        "s2", "s1", NOW.plus(Duration.ofHours(24)), NOW));
    }

    @Test
    void canRotateTheSecretKeepingTheFormerValidForADay() {
        fixture.given(SUBSCRIBED)
                .when(new RotateWebhookSecret("P-1", "s2"))
                .expectEvents(new WebhookSecretRotated("P-1", "s2", "s1", NOW.plus(Duration.ofHours(24)), NOW));
    }

    @Test
    void canRemoveTheWebhook() {
        fixture.given(SUBSCRIBED)
                .when(new RemoveWebhook("P-1"))
                .expectEvents(new WebhookRemoved("P-1", NOW));
    }

    @Test
    void canSubscribeAgainAfterRemovalWithoutAnOverlap() {
        fixture.given(SUBSCRIBED, new WebhookRemoved("P-1", NOW.minusSeconds(1)))
                .when(new SubscribeWebhook("P-1", URL, List.of("registration.approved"), "s3"))
                .expectEvents(new WebhookSubscribed("P-1", URL, List.of("registration.approved"), "s3", null, null,
                        NOW));
    }

    @Test
    void cannotRotateOrRemoveAfterRemoval() {
        fixture.given(SUBSCRIBED, new WebhookRemoved("P-1", NOW.minusSeconds(1)))
                .when(new RotateWebhookSecret("P-1", "s2"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
        fixture.given(SUBSCRIBED, new WebhookRemoved("P-1", NOW.minusSeconds(1)))
                .when(new RemoveWebhook("P-1"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void cannotSubscribeForAnUnknownPartner() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("P-404", URL, List.of("registration.approved"), "s1"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void cannotSubscribeToUnknownOrNoEventTypes() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("P-1", URL, List.of("registration.approved", "registration.submitted"),
                        "s1"))
                .expectNoEvents()
                .expectException(invalidField("eventTypes[1]", "WEBHOOK_EVENT_TYPE_UNKNOWN"));
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("P-1", URL, List.of(), "s1"))
                .expectNoEvents()
                .expectException(invalidField("eventTypes", "WEBHOOK_EVENT_TYPES_EMPTY"));
    }

    @Test
    void cannotSubscribeAPlainHttpOrPrivateEndpoint() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("P-1", "http://93.184.215.14/hooks", List.of("dispute.ruled"), "s1"))
                .expectNoEvents()
                .expectException(invalidField("url", "WEBHOOK_URL_INVALID"));
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("P-1", "https://169.254.169.254/latest/meta-data", List.of("dispute.ruled"),
                        "s1"))
                .expectNoEvents()
                .expectException(invalidField("url", "WEBHOOK_ADDRESS_NOT_PUBLIC"));
    }
}
