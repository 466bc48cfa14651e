package com.leadledger.command.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns stored events into deliveries, from {@code webhook_outbox} (see {@code V40__webhooks.sql}): one batch per
 * transaction reads the oldest rows with their events, adds a delivery for each notification a subscribed partner
 * asked for, and deletes the rows. A crash before the commit leaves the rows for the next batch; a delivery is added
 * once per partner, event and type however often that happens. Across instances one fans out at a time (an advisory
 * lock per batch). Only events stored while a partner is subscribed reach it.
 */
@Component
class WebhookFanOut {

    private static final long FAN_OUT_LOCK = 0x4c4c_5745_4248_4f4bL; // "LLWEBHOK"
    static final int BATCH_SIZE = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Serializer eventSerializer;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final PartnerNotifications notifications;
    private final Clock clock;
    private final WebhookProperties properties;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    WebhookFanOut(JdbcClient jdbc, TransactionTemplate transactions,
                  @Qualifier("eventSerializer") Serializer eventSerializer, WebhookSubscriptions subscriptions,
                  WebhookDeliveries deliveries, Clock clock, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventSerializer = eventSerializer;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
        this.properties = properties;
        this.notifications = new PartnerNotifications(this::disputeParties);
    }

    private record StoredEvent(long globalIndex, String eventId, Instant occurredAt, Object payload) {
    }

    /** Fans out one batch; returns how many outbox rows it took, or -1 while another instance fans out. */
    int fanOutBatch() {
        Integer taken = transactions.execute(tx -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", FAN_OUT_LOCK)
                    .query(Boolean.class).single())) {
                return -1;
            }
            List<StoredEvent> batch = jdbc.sql("""
                            SELECT e.globalindex, e.eventidentifier, e.timestamp, e.payload, e.payloadtype,
                                   e.payloadrevision
                            FROM webhook_outbox o JOIN domainevententry e ON e.globalindex = o.global_index
                            ORDER BY o.global_index LIMIT :limit""")
                    .param("limit", BATCH_SIZE)
                    .query(this::storedEvent).list();
            Instant now = clock.instant();
            for (StoredEvent event : batch) {
                if (event.payload() instanceof LeadLedgerEvent known) {
                    for (PartnerNotifications.Notification notification : notifications.of(known)) {
                        addIfSubscribed(event, notification, now);
                    }
                }
            }
            if (!batch.isEmpty()) {
                jdbc.sql("DELETE FROM webhook_outbox WHERE global_index = ANY(:indexes)")
                        .param("indexes", batch.stream().map(StoredEvent::globalIndex).toArray(Long[]::new))
                        .update();
            }
            return batch.size();
        });
        return taken == null ? 0 : taken;
    }

    private void addIfSubscribed(StoredEvent event, PartnerNotifications.Notification notification, Instant now) {
        String type = notification.type().wireName();
        subscriptions.find(notification.partnerId())
                .filter(subscription -> subscription.eventTypes().contains(type))
                .ifPresent(subscription -> deliveries.add(notification.partnerId(), event.eventId(), type,
                        body(event, type, notification.data()), now, now.plus(properties.retryFor())));
    }

    private String body(StoredEvent event, String type, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.eventId());
        body.put("type", type);
        body.put("occurredAt", event.occurredAt());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private StoredEvent storedEvent(ResultSet row, int n) throws SQLException {
        return new StoredEvent(row.getLong("globalindex"), row.getString("eventidentifier"),
                Instant.parse(row.getString("timestamp")), payload(row));
    }

    private Object payload(ResultSet row) throws SQLException {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                row.getString("payloadtype"), row.getString("payloadrevision")));
    }

    /** The complainant (when a partner) and the respondent linked last, read from the dispute's own events. */
    private Set<String> disputeParties(String disputeId) {
        List<Object> events = jdbc.sql("""
                        SELECT payload, payloadtype, payloadrevision FROM domainevententry
                        WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", disputeId)
                .query((row, n) -> payload(row)).list();
        String complainant = null;
        String respondent = null;
        for (Object event : events) {
            if (event instanceof DisputeOpened opened) {
                complainant = opened.complainantPartnerId();
            } else if (event instanceof DisputeRespondentLinked linked) {
                respondent = linked.respondentPartnerId();
            }
        }
        Set<String> parties = new LinkedHashSet<>();
        if (complainant != null) {
            parties.add(complainant);
        }
        if (respondent != null) {
            parties.add(respondent);
        }
        return parties;
    }
}
