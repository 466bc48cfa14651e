package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Scenario 5: who registered first, GET /api/v1/opportunities/{id} on the query service, by concurrent readers. */
final class RankingLookupLatency {

    private static final Logger log = LoggerFactory.getLogger(RankingLookupLatency.class);

    private final Harness harness;

    RankingLookupLatency(Harness harness) {
        this.harness = harness;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        Load load = harness.load;
        List<String> ids = new ArrayList<>();
        try (Connection c = harness.stack.queryDb(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT opportunity_id FROM opportunity_view ORDER BY random() LIMIT 20000")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        long stored = Harness.count(harness.stack::queryDb, "SELECT count(*) FROM registration_view");
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int r = 0; r < config.rounds(); r++) {
            List<Long> lat = Collections.synchronizedList(new ArrayList<>());
            ClosedLoop l = ClosedLoop.run(config.lookupClients(), config.roundSeconds(), i -> {
                String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                Load.Answer a = load.get(load.queryUrl + "/api/v1/opportunities/" + id, load.staffToken());
                if (a.status() == 200 && a.body().contains("\"ranking\"")) {
                    lat.add(a.doneNanos() - a.sentNanos());
                    return true;
                }
                return false;
            });
            long[] v = lat.stream().mapToLong(Long::longValue).toArray();
            p50.add(Stats.percentileMs(v, 50));
            p99.add(Stats.percentileMs(v, 99));
            rounds.add(Map.of("round", r + 1, "lookups", l.ok(), "failed", l.failed(),
                    "p50Ms", Stats.round(Stats.percentileMs(v, 50), 2), "p99Ms", Stats.round(Stats.percentileMs(v, 99), 2)));
            log.info("scenario 5 round {}: {}", r + 1, rounds.get(r));
        }
        double v = Stats.median(p99);
        Map<String, Object> s = Harness.result(5, "ranking lookup GET /api/v1/opportunities/{id} (who registered first) with "
                + stored + " registrations stored, " + config.lookupClients() + " concurrent readers", "ms (p99)", v,
                null, Double.NaN, "p99 <= 5 ms", v <= 5);
        s.put("p50Ms", Stats.round(Stats.median(p50), 2));
        s.put("p99Ms", Stats.round(v, 2));
        s.put("registrationsStored", stored);
        s.put("rounds", rounds);
        harness.record(s);
    }
}
