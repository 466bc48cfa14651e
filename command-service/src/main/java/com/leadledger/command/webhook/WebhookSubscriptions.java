package com.leadledger.command.webhook;

import com.leadledger.events.partner.WebhookRemoved;
import com.leadledger.events.partner.WebhookSecretRotated;
import com.leadledger.events.partner.WebhookSubscribed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The subscriptions in force, written in the same transaction as their events. */
@Component
@ProcessingGroup("command-views")
class WebhookSubscriptions {

    /** A subscription as the dispatcher uses it. */
    record Subscription(String partnerId, String url, List<String> eventTypes, String secretId,
                        String previousSecretId, Instant previousValidUntil) {

        /** The secret ids that sign a delivery at {@code now}: the current one, and the previous while valid. */
        List<String> signingSecretIds(Instant now) {
            List<String> ids = new ArrayList<>(List.of(secretId));
            if (previousSecretId != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
                ids.add(previousSecretId);
            }
            return ids;
        }
    }

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Subscription> find(String partnerId) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE partner_id = :id")
                .param("id", partnerId)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("previous_valid_until");
                    return new Subscription(rs.getString("partner_id"), rs.getString("url"),
                            Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                            rs.getString("secret_id"), rs.getString("previous_secret_id"),
                            until == null ? null : until.toInstant());
                })
                .optional();
    }

    @EventHandler
    void on(WebhookSubscribed event) {
        jdbc.sql("""
                        INSERT INTO webhook_subscription
                            (partner_id, url, event_types, secret_id, previous_secret_id, previous_valid_until)
                        VALUES (:id, :url, :types, :secret, :previous, :until)
                        ON CONFLICT (partner_id) DO UPDATE SET url = EXCLUDED.url, event_types = EXCLUDED.event_types,
                            secret_id = EXCLUDED.secret_id, previous_secret_id = EXCLUDED.previous_secret_id,
                            previous_valid_until = EXCLUDED.previous_valid_until""")
                .param("id", event.partnerId())
                .param("url", event.url())
                .param("types", event.eventTypes().toArray(String[]::new))
                .param("secret", event.secretId())
                .param("previous", event.previousSecretId())
                .param("until", timestamp(event.previousSecretValidUntil()))
                .update();
    }

    @EventHandler
    void on(WebhookSecretRotated event) {
        jdbc.sql("""
                        UPDATE webhook_subscription SET secret_id = :secret, previous_secret_id = :previous,
                            previous_valid_until = :until WHERE partner_id = :id""")
                .param("id", event.partnerId())
                .param("secret", event.secretId())
                .param("previous", event.previousSecretId())
                .param("until", timestamp(event.previousSecretValidUntil()))
                .update();
    }

    @EventHandler
    void on(WebhookRemoved event) {
        jdbc.sql("DELETE FROM webhook_subscription WHERE partner_id = :id").param("id", event.partnerId()).update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
