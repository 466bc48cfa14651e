package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.ViewProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding every projection from event_log: the rebuilt tables equal the ones they replace (content checksums),
 * reads are served throughout, and events that arrive during the rebuild end up in the new tables.
 */
class RebuildIT extends QueryServiceITBase {

    static final String ADMIN = token("ADMIN");
    static final String MANAGER = token("CHANNEL_MANAGER");
    static final List<String> TABLES = List.of("dispute_view", "notice", "opportunity_view", "partner_view",
            "policy_view", "registration_view", "support_history");

    @Autowired
    List<ViewProjection<?>> projections;

    @Test
    void aRebuildOfThousandsOfEventsEqualsTheLiveProjectionAndReadsAreServedMeanwhile() {
        publishStories(300); // ~2,100 events
        Map<String, String> live = checksums();
        long registrations = http.get("/api/v1/registrations?size=1", MANAGER).body().get("total").asLong();

        Set<Integer> readStatuses = ConcurrentHashMap.newKeySet();
        Set<Long> readTotals = ConcurrentHashMap.newKeySet();
        JsonNode done = rebuildWhile(() -> {
            Http.Response read = http.get("/api/v1/registrations?size=1", MANAGER);
            readStatuses.add(read.status());
            if (read.status() == 200) {
                readTotals.add(read.body().get("total").asLong());
            }
        });

        assertThat(done.get("eventsDone").asLong()).isEqualTo(eventLogSize());
        assertThat(done.get("tables")).hasSize(TABLES.size());
        assertThat(readStatuses).containsOnly(200);
        assertThat(readTotals).containsOnly(registrations);
        assertThat(checksums()).isEqualTo(live);
        assertThat(rowsInShadowTables()).as("the shadow tables are left empty").isZero();
    }

    /** The service's role has no DDL right: the shadow tables are the migration owner's, one per projection table. */
    @Test
    void everyProjectionsTableHasAnEmptyShadowOfItsLayoutThatTheServicesRoleDoesNotOwn() {
        List<String> projected = projections.stream().map(ViewProjection::table).distinct().sorted().toList();
        assertThat(projected).isEqualTo(TABLES);
        assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'leadledger_rebuild'"
                + " ORDER BY table_name").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(concat(TABLES, List.of("rebuild_applied", "rebuild_skipped")));
        for (String table : TABLES) {
            assertThat(columns("leadledger_rebuild", table)).as(table).isEqualTo(columns("public", table));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole").query(Long.class)
                .single()).as("tables the service's role owns").isZero();
    }

    @Test
    void eventsArrivingDuringARebuildEndUpInTheNewTables() {
        publishStories(40);
        List<EventEnvelope> late = stories(20);
        rebuildWhile(new Runnable() {
            boolean sent;

            @Override
            public void run() {
                if (!sent) {
                    sent = true;
                    publish(late);
                }
            }
        });
        late.forEach(this::awaitStored);
        eventually().until(() -> http.get("/api/v1/registrations/" + lastRegistration(late), MANAGER).status()
                == 200);
        Map<String, String> afterConcurrentRebuild = checksums();

        rebuildWhile(() -> { });

        assertThat(checksums()).isEqualTo(afterConcurrentRebuild);
    }

    @Test
    void onlyAdminsRebuildAndASecondRebuildWhileOneRunsIsAConflict() {
        assertThat(http.post("/api/v1/admin/projections/rebuild", MANAGER, "").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/admin/projections/rebuild/unknown", ADMIN).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- helpers

    /** Starts a rebuild, runs {@code meanwhile} repeatedly until it is done, and returns its final status. */
    private JsonNode rebuildWhile(Runnable meanwhile) {
        Http.Response started = http.post("/api/v1/admin/projections/rebuild", ADMIN, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/v1/admin/projections/rebuild/");
        Http.Response second = http.post("/api/v1/admin/projections/rebuild", ADMIN, "");
        assertThat(second.status()).isIn(202, 409); // 409 unless the first was already done
        List<JsonNode> seen = new ArrayList<>();
        eventually().atMost(Duration.ofSeconds(120)).until(() -> {
            meanwhile.run();
            JsonNode status = http.get(location, ADMIN).body();
            seen.add(status);
            return Set.of("DONE", "FAILED").contains(status.get("state").asText());
        });
        JsonNode last = seen.get(seen.size() - 1);
        assertThat(last.get("state").asText()).as(last.toString()).isEqualTo("DONE");
        assertThat(last.get("eventsPerSecond").asDouble()).isPositive();
        return last;
    }

    private void publishStories(int opportunities) {
        List<EventEnvelope> events = stories(opportunities);
        publish(events);
        events.forEach(this::awaitStored);
        eventually().until(() -> http.get("/api/v1/registrations/" + lastRegistration(events), MANAGER).status()
                == 200);
    }

    /**
     * Per opportunity: opened, two registrations, an approval, an earlier-registration notice, support, the second one
     * withdrawn (nothing stays pending: the review queue is shared with the other tests of this JVM).
     */
    private static List<EventEnvelope> stories(int opportunities) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < opportunities; i++) {
            Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
            stream.opened();
            RegistrationSubmitted first = stream.submit(uniquePartner("a"));
            RegistrationSubmitted second = stream.submit(uniquePartner("b"));
            RegistrationApproved approved = stream.approve(first, "10", 90);
            stream.noticeEarlier(second, first);
            stream.grantSupport(first);
            stream.withdraw(second, "lost interest");
            assertThat(approved.registrationId()).isEqualTo(first.registrationId());
            events.addAll(stream.envelopes());
        }
        return events;
    }

    private static String lastRegistration(List<EventEnvelope> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).eventType().equals("RegistrationSubmitted")) {
                return events.get(i).payload().get("registrationId").asText();
            }
        }
        throw new IllegalArgumentException("no registration");
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : TABLES) {
            sums.put(table, jdbc.sql("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY "
                    + "t::text), '')) FROM public." + table + " t").query(String.class).single());
        }
        return sums;
    }

    private long eventLogSize() {
        return jdbc.sql("SELECT count(*) FROM event_log").query(Long.class).single();
    }

    private long rowsInShadowTables() {
        long rows = 0;
        for (String table : concat(TABLES, List.of("rebuild_applied", "rebuild_skipped"))) {
            rows += jdbc.sql("SELECT count(*) FROM leadledger_rebuild." + table).query(Long.class).single();
        }
        return rows;
    }

    private List<String> columns(String schema, String table) {
        return jdbc.sql("""
                        SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                        FROM information_schema.columns WHERE table_schema = :schema AND table_name = :table
                        ORDER BY ordinal_position""").param("schema", schema).param("table", table)
                .query(String.class).list();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
