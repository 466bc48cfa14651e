package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scenario 6: scenario 1 again once N registrations are stored; its baseline is scenario 1 of the same run. */
final class ThroughputAfterSeeding {

    private static final Logger log = LoggerFactory.getLogger(ThroughputAfterSeeding.class);

    private final Harness harness;
    private final RawInsertBaseline baseline;

    ThroughputAfterSeeding(Harness harness, RawInsertBaseline baseline) {
        this.harness = harness;
        this.baseline = baseline;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        harness.settle();
        long storedBefore = harness.registrationsStored();
        List<Double> service = new ArrayList<>();
        List<Double> jdbcNow = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        List<Map<String, Object>> cpu = new ArrayList<>();
        List<Map<String, Object>> cpuBreakdown = new ArrayList<>();
        for (int r = 0; r < config.rounds(); r++) {
            Cpu meter = harness.cpuMeter();
            Cpu breakdownMeter = harness.breakdownMeter();
            meter.begin();
            breakdownMeter.begin();
            ClosedLoop s = ClosedLoop.run(config.clients(), config.roundSeconds(),
                    i -> harness.load.register().accepted());
            cpu.add(meter.end(s.ok()));
            cpuBreakdown.add(breakdownMeter.end(s.ok()));
            harness.settle();
            ClosedLoop b = baseline.round();
            service.add(s.rate());
            jdbcNow.add(b.rate());
            rounds.add(Map.of("round", r + 1, "registrationsPerSecond", Stats.round(s.rate(), 1), "failed", s.failed(),
                    "jdbcRowsPerSecond", Stats.round(b.rate(), 1)));
            log.info("scenario 6 round {}: {} registrations/s, raw JDBC {} rows/s", r + 1, Stats.round(s.rate(), 1),
                    Stats.round(b.rate(), 1));
        }
        double v = Stats.median(service);
        double empty = (double) harness.result(1).get("value");
        Map<String, Object> s = Harness.result(6, "scenario 1 repeated with " + storedBefore + " registrations stored",
                "registrations/s", v, "scenario 1 in this run (store of " + harness.result(1).get("storeSizeAtStart")
                        + " registrations at its start)", empty, "ratio >= 0.9", v / empty >= 0.9);
        s.put("ratio", Stats.round(v / empty, 3));
        s.put("registrationsStored", storedBefore);
        s.put("rawJdbcRowsPerSecondNow", Stats.round(Stats.median(jdbcNow), 1));
        s.put("rounds", rounds);
        s.put("cpuDuringServiceRounds", cpu);
        s.put("cpuBreakdownDuringServiceRounds", cpuBreakdown);
        harness.record(s);
    }
}
