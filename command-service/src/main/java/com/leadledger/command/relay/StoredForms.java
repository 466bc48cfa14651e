package com.leadledger.command.relay;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.integrity.EventChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads the stored form and hash links of a batch of events from the event store in one query. */
@Component
class StoredForms {

    private final JdbcClient jdbc;

    StoredForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, EventEnvelope.Integrity> of(Collection<String> eventIds) {
        Map<String, EventEnvelope.Integrity> forms = new HashMap<>();
        if (eventIds.isEmpty()) {
            return forms;
        }
        jdbc.sql("""
                        SELECT eventidentifier, previous_hash, event_hash, payloadtype, payloadrevision, timestamp,
                               payload, metadata
                        FROM domainevententry WHERE eventidentifier IN (:ids)""")
                .param("ids", eventIds)
                .query((rs, n) -> forms.put(rs.getString(1), new EventEnvelope.Integrity(
                        EventChain.hex(rs.getBytes(2)), EventChain.hex(rs.getBytes(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), text(rs.getBytes(7)), text(rs.getBytes(8)))))
                .list();
        return forms;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
