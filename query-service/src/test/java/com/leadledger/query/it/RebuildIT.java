package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.EventLogRepository;
import com.leadledger.query.projection.ViewProjection;
import com.leadledger.query.rebuild.RebuildLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
    static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    static final List<String> TABLES = List.of("dispute_view", "dumping_flag_view", "notice",
            "opportunity_view", "partner_view", "policy_view", "registration_view", "support_history");
    static final List<String> BOOKKEEPING = List.of("rebuild_applied", "rebuild_run");

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

    /**
     * The service's role has no DDL right: the shadow tables are the migration owner's, one per projection table, and
     * unlogged (a rebuild writes them without WAL).
     */
    @Test
    void everyProjectionsTableHasAnEmptyShadowOfItsLayoutThatTheServicesRoleDoesNotOwn() {
        List<String> projected = projections.stream().map(ViewProjection::table).distinct().sorted().toList();
        assertThat(projected).isEqualTo(TABLES);
        assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'leadledger_rebuild'"
                + " ORDER BY table_name").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(concat(TABLES, BOOKKEEPING));
        for (String table : TABLES) {
            assertThat(columns("leadledger_rebuild", table)).as(table).isEqualTo(columns("public", table));
            assertThat(indexes("leadledger_rebuild", table, false)).as("the indexes of the shadow of " + table)
                    .isEqualTo(indexes("public", table, true));
            assertThat(jdbc.sql("SELECT count(*) FROM pg_index WHERE indrelid = to_regclass('public.' || :table)"
                    + " AND indisprimary").param("table", table).query(Long.class).single())
                    .as("the primary key of " + table + ", by which the swap compares rows").isOne();
        }
        assertThat(jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'leadledger_rebuild' AND c.relkind IN ('r', 'i') AND c.relpersistence <> 'u'""")
                .query(String.class).list()).as("shadow tables and indexes written with WAL").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole").query(Long.class)
                .single()).as("tables the service's role owns").isZero();
    }

    /**
     * Barriers, not timing. The replay is held at its last event while new events arrive: some carry global indexes
     * below the replay's cursor (as an event whose transaction committed late on the command side does), so only the
     * swap's catch-up can apply them; the others lie ahead of the cursor. Then the swap is held inside its catch-up
     * while more events arrive: their ingest waits for the swap. After it, the new tables hold every event, and equal
     * the tables a rebuild from scratch makes.
     */
    @Test
    void eventsArrivingDuringARebuildEndUpInTheNewTables() throws Exception {
        List<EventEnvelope> behindTheCursor = stories(10); // global indexes below every event published next
        publishStories(40);
        List<EventEnvelope> aheadOfTheCursor = stories(10);
        List<EventEnvelope> duringTheSwap = stories(5);

        try (RebuildBarrier replay = RebuildBarrier.atEvent(superuserDataSource(), lastEventInTheLog());
             RebuildBarrier catchUp = RebuildBarrier.atEvent(superuserDataSource(),
                     behindTheCursor.get(0).eventId())) {
            String location = startRebuild();
            replay.awaitHeld();
            JsonNode replaying = http.get(location, ADMIN).body();
            assertThat(replaying.get("state").asText()).as(replaying.toString()).isEqualTo("REPLAYING");
            assertThat(replaying.get("eventsDone").asLong()).as(replaying.toString()).isLessThan(eventLogSize());

            publishStories(behindTheCursor);
            publishStories(aheadOfTheCursor);
            long arrivedBeforeTheSwap = eventLogSize();
            replay.release();

            catchUp.awaitHeld();
            JsonNode swapping = http.get(location, ADMIN).body();
            assertThat(swapping.get("state").asText()).as(swapping.toString()).isEqualTo("SWAPPING");
            publish(duringTheSwap);
            awaitIngestWaitingForTheSwap();
            assertThat(duringTheSwap.stream().filter(event -> stored(event.eventId()))).isEmpty();
            catchUp.release();

            JsonNode done = awaitDone(location);
            assertThat(done.get("eventsDone").asLong()).isEqualTo(arrivedBeforeTheSwap);
        }
        duringTheSwap.forEach(this::awaitStored);
        for (EventEnvelope event : concat(concat(behindTheCursor, aheadOfTheCursor), duringTheSwap)) {
            if (event.eventType().equals("RegistrationSubmitted")) {
                String registrationId = event.payload().get("registrationId").asText();
                assertThat(http.get("/api/v1/registrations/" + registrationId, MANAGER).status())
                        .as("registration %s after the swap", registrationId).isEqualTo(200);
            }
        }
        assertThat(rowsInShadowTables()).as("the shadow tables are left empty").isZero();
        Map<String, String> afterTheSwap = checksums();

        rebuildWhile(() -> { });

        assertThat(checksums()).as("a rebuild from scratch").isEqualTo(afterTheSwap);
    }

    @Test
    void onlyAdminsRebuildAndASecondRebuildWhileOneRunsIsAConflict() throws Exception {
        assertThat(http.post("/api/v1/admin/projections/rebuild", MANAGER, "").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/admin/projections/rebuild/unknown", ADMIN).status()).isEqualTo(404);
        publishStories(2);

        String first;
        try (RebuildBarrier barrier = RebuildBarrier.atEvent(superuserDataSource(), lastEventInTheLog())) {
            first = startRebuild();
            barrier.awaitHeld();

            Http.Response second = http.post("/api/v1/admin/projections/rebuild", ADMIN, "");
            assertThat(second.status()).as(second.text()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.body().get("code").asText()).isEqualTo("REBUILD_RUNNING");
            assertThat(second.body().get("detail").asText()).endsWith(first);
            JsonNode latest = http.get("/api/v1/admin/projections/rebuild", ADMIN).body();
            assertThat(latest.get("rebuildId").asText()).isEqualTo(idOf(first));
            assertThat(latest.get("state").asText()).isEqualTo("REPLAYING");
            assertThat(http.post("/api/v1/admin/projections/rebuild", MANAGER, "").status())
                    .as("a conflict only for those who may rebuild").isEqualTo(403);
            barrier.release();
            awaitDone(first);
        }

        String next = startRebuild();
        assertThat(next).as("once the first is done").isNotEqualTo(first);
        awaitDone(next);
    }

    /**
     * The shadow tables are unlogged, so PostgreSQL empties them when it recovers from a crash, and the rebuild's row in
     * {@code rebuild_run} with them. Here that row alone is deleted while the replay is held at its last event: the
     * swap finds it gone and fails, the live tables keep their rows, and the next rebuild runs as usual.
     */
    @Test
    void aRebuildWhoseShadowTablesWereEmptiedUnderItFailsAndTheLiveTablesKeepTheirRows() throws Exception {
        publishStories(5);
        Map<String, String> live = checksums();

        try (RebuildBarrier replay = RebuildBarrier.atEvent(superuserDataSource(), lastEventInTheLog())) {
            String location = startRebuild();
            replay.awaitHeld();
            assertThat(superuser().sql("DELETE FROM leadledger_rebuild.rebuild_run").update()).isEqualTo(1);
            replay.release();

            JsonNode failed = awaitFinished(location);
            assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).contains("shadow tables were emptied");
        }
        assertThat(checksums()).as("the live tables after the failed rebuild").isEqualTo(live);
        assertThat(rowsInShadowTables()).as("the shadow tables are left empty").isZero();

        awaitDone(startRebuild());
        assertThat(checksums()).as("the next rebuild").isEqualTo(live);
    }

    /**
     * One rebuild at a time across instances. While another instance's rebuild holds the rebuild lock (here a session
     * of the test holds it), a start is refused and starts nothing; once the lock is free, a rebuild runs and frees it
     * again before it is seen done.
     */
    @Test
    void aRebuildWhileAnotherInstanceRebuildsIsAConflictAndARebuildFreesTheLockWhenItEnds() throws Exception {
        publishStories(1);
        try (Connection otherInstance = superuserDataSource().getConnection();
             Statement sql = otherInstance.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(" + RebuildLock.KEY + ")");
            Http.Response latestBefore = http.get("/api/v1/admin/projections/rebuild", ADMIN);

            Http.Response refused = http.post("/api/v1/admin/projections/rebuild", ADMIN, "");
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.body().get("code").asText()).isEqualTo("REBUILD_RUNNING");
            assertThat(refused.body().get("detail").asText()).contains("on another instance");
            assertThat(http.get("/api/v1/admin/projections/rebuild", ADMIN).text()).as("nothing started")
                    .isEqualTo(latestBefore.text());

            sql.execute("SELECT pg_advisory_unlock(" + RebuildLock.KEY + ")");
        }
        awaitDone(startRebuild());
        assertThat(advisoryLocks(RebuildLock.KEY, false)).as("rebuild locks held").isZero();
    }

    /**
     * The swap writes only the rows that differ from what the log gives: a changed row, a missing one, one the log
     * does not explain and one whose document writes a number otherwise (equal as JSON, not as a reader sees it) are
     * put right, and a row that was right is not written again (it keeps its physical place).
     */
    @Test
    void aRebuildPutsRightTheRowsThatDifferFromTheLogAndLeavesTheOthersInPlace() {
        List<EventEnvelope> events = stories(3);
        publishStories(events);
        Map<String, String> live = checksums();
        List<String> ids = events.stream().filter(event -> event.eventType().equals("RegistrationSubmitted"))
                .map(event -> event.payload().get("registrationId").asText()).toList();
        String changed = ids.get(0);
        String missing = ids.get(1);
        String right = ids.get(2);
        String approved = ids.get(4); // the first registration of the third story
        superuser().sql("UPDATE registration_view SET position = position + 1000 WHERE registration_id = :id")
                .param("id", changed).update();
        superuser().sql("DELETE FROM registration_view WHERE registration_id = :id").param("id", missing).update();
        superuser().sql("""
                        INSERT INTO registration_view SELECT (jsonb_populate_record(NULL::registration_view,
                            to_jsonb(r) || jsonb_build_object('registration_id', 'stray-' || r.registration_id))).*
                        FROM registration_view r WHERE registration_id = :id""")
                .param("id", right).update();
        assertThat(superuser().sql("""
                        UPDATE registration_view SET document = jsonb_set(document, '{discountPercent}', '10.0')
                        WHERE registration_id = :id AND document -> 'discountPercent' = '10'""")
                .param("id", approved).update()).isOne();
        String placeOfTheRightRow = placeOf(right);
        assertThat(checksums()).isNotEqualTo(live);

        awaitDone(startRebuild());

        assertThat(checksums()).isEqualTo(live);
        assertThat(placeOf(right)).as("the row that was right, not written again").isEqualTo(placeOfTheRightRow);
    }

    /**
     * A batch's projections are written over several connections at once. When one of them fails, here the
     * registration view's shadow table refusing every row, the rebuild fails with that reason once the others are
     * done, the live tables keep their rows and nothing is left in the shadow tables.
     */
    @Test
    void aRebuildFailsWhenOneProjectionCannotWriteAndTheLiveTablesKeepTheirRows() {
        publishStories(5);
        Map<String, String> live = checksums();
        superuser().sql("""
                CREATE FUNCTION leadledger_rebuild.refuse_in_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused by the test'; END $$""").update();
        superuser().sql("CREATE TRIGGER refuse_in_test BEFORE INSERT OR UPDATE ON leadledger_rebuild.registration_view"
                + " FOR EACH ROW EXECUTE FUNCTION leadledger_rebuild.refuse_in_test()").update();
        try {
            JsonNode failed = awaitFinished(startRebuild());
            assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).contains("refused by the test");
        } finally {
            superuser().sql("DROP FUNCTION leadledger_rebuild.refuse_in_test() CASCADE").update();
        }
        assertThat(checksums()).as("the live tables after the failed rebuild").isEqualTo(live);
        assertThat(rowsInShadowTables()).as("the shadow tables are left empty").isZero();

        awaitDone(startRebuild());
        assertThat(checksums()).as("the next rebuild").isEqualTo(live);
    }

    /**
     * An event parked in the dead-letter store, and the events of its aggregate queued behind it, were not applied
     * live, so the replay skips them too. Here two aggregates' first events are parked (the live view's schema refuses
     * their partners, the shadow's does not) while the replay is held at its last event. One of them is retried
     * meanwhile and applied live: the swap's catch-up applies it and its line to the new tables. The other is still
     * parked at the swap: it stays out of the new tables as it is out of the live ones, and a retry after the rebuild
     * applies it.
     */
    @Test
    void anEventParkedDuringARebuildIsAppliedAtTheSwapOnceResolvedAndLeftOutWhileStillParked() throws Exception {
        Fixtures.OpportunityStream resolvedMeanwhile = parkedStory("resolved");
        Fixtures.OpportunityStream stillParked = parkedStory("parked");
        String refuseResolved = refuseRegistrationsOf(partnerOf(resolvedMeanwhile));
        String refuseParked = refuseRegistrationsOf(partnerOf(stillParked));
        try {
            publish(resolvedMeanwhile.envelopes());
            publish(stillParked.envelopes());
            long resolvedId = awaitParkedFirst(resolvedMeanwhile);
            long parkedId = awaitParkedFirst(stillParked);
            publishStories(1); // the replay's last event, where the barrier holds it, is not parked

            try (RebuildBarrier replay = RebuildBarrier.atEvent(superuserDataSource(), lastEventInTheLog())) {
                String location = startRebuild();
                replay.awaitHeld();
                superuser().sql("ALTER TABLE registration_view DROP CONSTRAINT " + refuseResolved).update();
                Http.Response retried = http.post(DEAD_LETTERS + "/" + resolvedId + "/retry", ADMIN, "");
                assertThat(retried.status()).as(retried.text()).isEqualTo(200);
                assertThat(retried.body().get("applied")).hasSize(resolvedMeanwhile.envelopes().size() - 1);
                Map<String, String> live = checksums();
                replay.release();

                awaitDone(location);
                assertThat(checksums()).as("the new tables against the live ones before the swap").isEqualTo(live);
            }
            assertThat(registrationStatus(resolvedMeanwhile)).isEqualTo("WITHDRAWN");
            assertThat(http.get("/api/v1/registrations/" + firstRegistration(stillParked), MANAGER).status())
                    .as("still parked at the swap").isEqualTo(404);
            assertThat(rowsInShadowTables()).as("the shadow tables are left empty").isZero();

            superuser().sql("ALTER TABLE registration_view DROP CONSTRAINT " + refuseParked).update();
            Http.Response retried = http.post(DEAD_LETTERS + "/" + parkedId + "/retry", ADMIN, "");
            assertThat(retried.status()).as(retried.text()).isEqualTo(200);
            assertThat(registrationStatus(stillParked)).isEqualTo("WITHDRAWN");
        } finally {
            for (String constraint : List.of(refuseResolved, refuseParked)) {
                superuser().sql("ALTER TABLE registration_view DROP CONSTRAINT IF EXISTS " + constraint).update();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** An opportunity opened, a registration, and its withdrawal (queued behind the registration once it is parked). */
    private static Fixtures.OpportunityStream parkedStory(String partner) {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        stream.withdraw(stream.submit(uniquePartner(partner)), "customer postponed the project");
        return stream;
    }

    /** Waits until the stream's registration is parked and the rest of its aggregate queued; returns the entry's id. */
    private long awaitParkedFirst(Fixtures.OpportunityStream stream) {
        JsonNode line = awaitJson(DEAD_LETTERS + "?aggregateId=" + stream.opportunityId(), ADMIN,
                body -> body.get("total").asLong() == stream.envelopes().size() - 1);
        JsonNode parked = line.get("items").get(0);
        assertThat(parked.get("status").asText()).isEqualTo("PARKED");
        assertThat(parked.get("eventId").asText()).isEqualTo(stream.envelopes().get(1).eventId());
        return parked.get("id").asLong();
    }

    private static String partnerOf(Fixtures.OpportunityStream stream) {
        return stream.envelopes().get(1).payload().get("partnerId").asText();
    }

    private static String firstRegistration(Fixtures.OpportunityStream stream) {
        return stream.envelopes().get(1).payload().get("registrationId").asText();
    }

    private String registrationStatus(Fixtures.OpportunityStream stream) {
        Http.Response registration = http.get("/api/v1/registrations/" + firstRegistration(stream), MANAGER);
        assertThat(registration.status()).as(registration.text()).isEqualTo(200);
        return registration.body().get("status").asText();
    }

    /** Starts a rebuild, runs {@code meanwhile} repeatedly until it is done, and returns its final status. */
    private JsonNode rebuildWhile(Runnable meanwhile) {
        String location = startRebuild();
        eventually().atMost(Duration.ofSeconds(120)).until(() -> {
            meanwhile.run();
            return finished(http.get(location, ADMIN).body());
        });
        return awaitDone(location);
    }

    /** Starts a rebuild (202) and returns its progress link. */
    private String startRebuild() {
        Http.Response started = http.post("/api/v1/admin/projections/rebuild", ADMIN, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/v1/admin/projections/rebuild/" + started.body().get("rebuildId").asText());
        return location;
    }

    /** Waits until the rebuild is over, asserts that it is DONE and returns its final status. */
    private JsonNode awaitDone(String location) {
        JsonNode last = awaitFinished(location);
        assertThat(last.get("state").asText()).as(last.toString()).isEqualTo("DONE");
        assertThat(last.get("eventsTotal").asLong()).isEqualTo(last.get("eventsDone").asLong());
        assertThat(last.get("error").isNull()).isTrue();
        Instant started = Instant.parse(last.get("startedAt").asText());
        Instant finished = Instant.parse(last.get("finishedAt").asText());
        double seconds = Math.max(Duration.between(started, finished).toMillis(), 1) / 1000.0;
        assertThat(last.get("eventsPerSecond").asDouble()).as(last.toString())
                .isEqualTo(Math.round(last.get("eventsDone").asLong() / seconds * 10) / 10.0);
        return last;
    }

    /** Waits until the rebuild is over, DONE or FAILED, and returns its final status. */
    private JsonNode awaitFinished(String location) {
        List<JsonNode> seen = new ArrayList<>();
        eventually().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode status = http.get(location, ADMIN).body();
            seen.add(status);
            return finished(status);
        });
        return seen.get(seen.size() - 1);
    }

    private static boolean finished(JsonNode status) {
        return Set.of("DONE", "FAILED").contains(status.get("state").asText());
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Waits until an ingest transaction waits for the ingest lock, which the swap holds exclusively. */
    private void awaitIngestWaitingForTheSwap() {
        eventually().atMost(Duration.ofSeconds(60))
                .until(() -> advisoryLocks(EventLogRepository.INGEST_LOCK, true) > 0);
    }

    /** The sessions holding or waiting for the advisory lock on the 64-bit key, or only those waiting for it. */
    private long advisoryLocks(long key, boolean waitingOnly) {
        return superuser().sql("""
                        SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
                           AND NOT (granted AND :waitingOnly) AND (classid::bigint << 32 | objid::bigint) = :key""")
                .param("waitingOnly", waitingOnly).param("key", key).query(Long.class).single();
    }

    /** The event the replay reads last: the greatest (global index, event id) in the log. */
    private String lastEventInTheLog() {
        return jdbc.sql("SELECT event_id FROM event_log ORDER BY global_index DESC, event_id DESC LIMIT 1")
                .query(String.class).single();
    }

    private void publishStories(int opportunities) {
        publishStories(stories(opportunities));
    }

    /** Publishes the events and waits until they are stored and the last registration is readable. */
    private void publishStories(List<EventEnvelope> events) {
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

    /** Where the registration's row is stored; a row written again moves. */
    private String placeOf(String registrationId) {
        return superuser().sql("SELECT ctid::text FROM registration_view WHERE registration_id = :id")
                .param("id", registrationId).query(String.class).single();
    }

    private long eventLogSize() {
        return jdbc.sql("SELECT count(*) FROM event_log").query(Long.class).single();
    }

    private long rowsInShadowTables() {
        long rows = 0;
        for (String table : concat(TABLES, BOOKKEEPING)) {
            rows += jdbc.sql("SELECT count(*) FROM leadledger_rebuild." + table).query(Long.class).single();
        }
        return rows;
    }

    /** The table's indexes (the unique ones only, if so asked), without their names or the table's, sorted. */
    private List<String> indexes(String schema, String table, boolean uniqueOnly) {
        return jdbc.sql("""
                        SELECT regexp_replace(pg_get_indexdef(i.indexrelid), ' \\S+ ON \\S+', ' ON') FROM pg_index i
                        WHERE i.indrelid = to_regclass(:schema || '.' || :table) AND (i.indisunique OR NOT :uniqueOnly)
                        ORDER BY 1""")
                .param("schema", schema).param("table", table).param("uniqueOnly", uniqueOnly)
                .query(String.class).list();
    }

    private List<String> columns(String schema, String table) {
        return jdbc.sql("""
                        SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                        FROM information_schema.columns WHERE table_schema = :schema AND table_name = :table
                        ORDER BY ordinal_position""").param("schema", schema).param("table", table)
                .query(String.class).list();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
