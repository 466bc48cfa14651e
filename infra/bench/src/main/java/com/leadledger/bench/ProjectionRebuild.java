package com.leadledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 4: a projection rebuild on the query service (POST /api/v1/admin/projections/rebuild) from the whole log;
 * baseline: a sequential scan of its event_log in global order with a Jackson parse of each payload.
 */
final class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final Harness harness;

    ProjectionRebuild(Harness harness) {
        this.harness = harness;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        Load load = harness.load;
        long events = Harness.count(harness.stack::queryDb, "SELECT count(*) FROM event_log");
        List<Double> baseline = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int r = 0; r < config.rounds(); r++) {
            long t0 = System.nanoTime();
            long parsed = 0;
            try (Connection c = harness.stack.queryDb()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.setFetchSize(5_000);
                    try (ResultSet rs = st.executeQuery("SELECT payload::text FROM event_log ORDER BY global_index")) {
                        while (rs.next()) {
                            if (Load.JSON.readTree(rs.getString(1)) != null) {
                                parsed++;
                            }
                        }
                    }
                }
                c.commit();
            }
            double rate = parsed / ((System.nanoTime() - t0) / 1e9);
            baseline.add(rate);
            rounds.add(Map.of("round", r + 1, "events", parsed, "baselineEventsPerSecond", Stats.round(rate, 0)));
            log.info("scenario 4 baseline round {}: {} events, {} events/s", r + 1, parsed, Stats.round(rate, 0));
        }
        // one rebuild (a rebuild replays the whole log; several would multiply the run time for little information)
        long t0 = System.nanoTime();
        Load.Answer started = load.post(load.queryUrl + "/api/v1/admin/projections/rebuild", load.adminToken, "{}");
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        String id = Load.JSON.readTree(started.body()).get("rebuildId").asText();
        JsonNode status;
        do {
            Thread.sleep(200);
            status = Load.JSON.readTree(load.get(load.queryUrl + "/api/v1/admin/projections/rebuild/" + id,
                    load.adminToken).body());
        } while (!Set.of("DONE", "FAILED").contains(status.get("state").asText()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!"DONE".equals(status.get("state").asText())) {
            throw new IllegalStateException("rebuild failed: " + status);
        }
        double rate = status.get("eventsDone").asLong() / seconds;
        double base = Stats.median(baseline);
        log.info("scenario 4 rebuild: {} events in {} s, {} events/s", status.get("eventsDone").asLong(),
                Stats.round(seconds, 1), Stats.round(rate, 0));
        Map<String, Object> s = Harness.result(4, "projection rebuild (POST /api/v1/admin/projections/rebuild) from "
                        + events + " events", "events/s", rate,
                "sequential scan of the query side's event_log in global order plus a Jackson parse of each payload",
                base, ">= 30000 events/s and ratio >= 0.5", rate >= 30_000 && rate / base >= 0.5);
        s.put("ratio", Stats.round(rate / base, 3));
        s.put("rebuildSeconds", Stats.round(seconds, 1));
        s.put("rebuildEventsDone", status.get("eventsDone").asLong());
        s.put("events", events);
        s.put("rounds", rounds);
        harness.record(s);
    }
}
