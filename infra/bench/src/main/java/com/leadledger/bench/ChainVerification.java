package com.leadledger.bench;

import com.leadledger.integrity.history.JdbcHistoryVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 8: hash-chain verification of the whole event store as verify-chain runs it ({@link JdbcHistoryVerifier},
 * heads included); baseline: a sequential scan of the same rows in the same order with SHA-256 of the same bytes.
 */
final class ChainVerification {

    private static final Logger log = LoggerFactory.getLogger(ChainVerification.class);

    private final Harness harness;

    ChainVerification(Harness harness) {
        this.harness = harness;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        // untimed: both sides' first pass over a large store runs cold code (in this JVM) and cold pages
        Pass warmup = pass();
        log.info("scenario 8 warm-up pass: {}", warmup.describe(0));
        List<Double> service = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        long events = 0;
        boolean intact = warmup.report().intact();
        for (int r = 0; r < config.rounds(); r++) {
            Pass p = pass();
            intact &= p.report().intact();
            events = p.report().events();
            service.add(p.verifierEventsPerSecond());
            baseline.add(p.baselineEventsPerSecond());
            rounds.add(p.describe(r + 1));
            log.info("scenario 8 round {}: {}", r + 1, rounds.get(r));
        }
        double v = Stats.median(service);
        double b = Stats.median(baseline);
        Map<String, Object> s = Harness.result(8, "hash-chain verification of " + events
                        + " events (JdbcHistoryVerifier, as verify-chain runs it, heads included)", "events/s", v,
                "sequential scan of the same rows in the same order plus SHA-256 of the same bytes", b, "ratio >= 0.7",
                v / b >= 0.7);
        s.put("ratio", Stats.round(v / b, 3));
        s.put("intact", intact);
        s.put("warmupPass", warmup.describe(0));
        s.put("rounds", rounds);
        harness.record(s);
    }

    /** One verification of the whole store followed by one baseline scan of it. */
    private Pass pass() throws Exception {
        long t0 = System.nanoTime();
        JdbcHistoryVerifier.Report report;
        try (Connection c = harness.stack.commandDb()) {
            report = JdbcHistoryVerifier.verify(c, "domainevententry", "stream_head", null, null);
        }
        double verifySeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        long hashed = scanAndHash();
        double baseSeconds = (System.nanoTime() - t1) / 1e9;
        return new Pass(report, report.events() / verifySeconds, hashed / baseSeconds);
    }

    private record Pass(JdbcHistoryVerifier.Report report, double verifierEventsPerSecond,
                        double baselineEventsPerSecond) {

        Map<String, Object> describe(int round) {
            return Map.of("round", round, "events", report.events(), "streams", report.streams(),
                    "intact", report.intact(), "verifierEventsPerSecond", Stats.round(verifierEventsPerSecond, 0),
                    "baselineEventsPerSecond", Stats.round(baselineEventsPerSecond, 0));
        }
    }

    private long scanAndHash() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long n = 0;
        try (Connection c = harness.stack.commandDb()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(2_000);
                try (ResultSet rs = st.executeQuery("SELECT eventidentifier, aggregateidentifier, sequencenumber, type, "
                        + "payloadtype, payloadrevision, timestamp, payload, metadata FROM domainevententry "
                        + "ORDER BY aggregateidentifier, sequencenumber")) {
                    while (rs.next()) {
                        for (int col = 1; col <= 7; col++) {
                            String text = col == 3 ? Long.toString(rs.getLong(3)) : rs.getString(col);
                            if (text != null) {
                                sha.update(text.getBytes(StandardCharsets.UTF_8));
                            }
                        }
                        byte[] payload = rs.getBytes(8);
                        byte[] metadata = rs.getBytes(9);
                        if (payload != null) {
                            sha.update(payload);
                        }
                        if (metadata != null) {
                            sha.update(metadata);
                        }
                        if (sha.digest().length == 32) {
                            n++;
                        }
                    }
                }
            }
            c.commit();
        }
        return n;
    }
}
