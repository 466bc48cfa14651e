package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Scenario 1: registrations accepted per second over HTTP by concurrent clients, each registration opening a new
 * opportunity, against raw JDBC inserts of an equivalent row ({@link RawInsertBaseline}); CPU per registration of each
 * part of the stack, from a round's start until the query side has projected it (scenario 9,
 * {@link CpuPerRegistration}). Scenario 7 ({@link PeakMemory}) is measured meanwhile, and with
 * {@code --pg-statements} what PostgreSQL executed per registration over the same spans ({@link StatementAccount}).
 */
final class RegistrationThroughput {

    private static final Logger log = LoggerFactory.getLogger(RegistrationThroughput.class);

    private final Harness harness;
    private final RawInsertBaseline baseline;

    RegistrationThroughput(Harness harness, RawInsertBaseline baseline) {
        this.harness = harness;
        this.baseline = baseline;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        harness.settle();
        PeakMemory peakMemory = PeakMemory.watch(harness.stack);
        long storedBefore = harness.registrationsStored();
        List<Map<String, Object>> cpu = new ArrayList<>();
        List<Map<String, Object>> cpuBreakdown = new ArrayList<>();
        List<Map<String, Object>> cpuUntilProjected = new ArrayList<>();
        List<Map<String, Object>> baselineCpu = new ArrayList<>();
        List<Double> service = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        StatementAccount statements = config.pgStatements() ? StatementAccount.start(harness.stack) : null;
        for (int r = 0; r < config.rounds(); r++) {
            Cpu meter = harness.cpuMeter();
            Cpu breakdownMeter = harness.breakdownMeter();
            Cpu untilProjected = harness.cpuMeter();
            meter.begin();
            breakdownMeter.begin();
            untilProjected.begin();
            if (statements != null) {
                statements.reset();
            }
            Queue<String> accepted = new ConcurrentLinkedQueue<>();
            ClosedLoop s = ClosedLoop.run(config.clients(), config.roundSeconds(), i -> {
                Load.Registration reg = harness.load.register();
                if (reg.accepted()) {
                    accepted.add(reg.answer().field("registrationId"));
                }
                return reg.accepted();
            });
            cpu.add(meter.end(s.ok()));
            cpuBreakdown.add(breakdownMeter.end(s.ok()));
            harness.awaitProjected(accepted);
            cpuUntilProjected.add(untilProjected.end(s.ok()));
            if (statements != null) {
                statements.add(s.ok());
            }
            harness.settle();
            Cpu baseMeter = harness.cpuMeter();
            baseMeter.begin();
            ClosedLoop b = baseline.round();
            baselineCpu.add(baseMeter.end(b.ok()));
            service.add(s.rate());
            raw.add(b.rate());
            rounds.add(Map.of("round", r + 1, "registrationsPerSecond", Stats.round(s.rate(), 1), "accepted", s.ok(),
                    "failed", s.failed(), "jdbcRowsPerSecond", Stats.round(b.rate(), 1)));
            log.info("scenario 1 round {}: {} registrations/s ({} failed), raw JDBC {} rows/s", r + 1,
                    Stats.round(s.rate(), 1), s.failed(), Stats.round(b.rate(), 1));
        }
        peakMemory.report(harness);
        double value = Stats.median(service);
        double base = Stats.median(raw);
        Map<String, Object> s1 = Harness.result(1, "registrations accepted per second over HTTP, " + config.clients()
                        + " concurrent clients, " + config.partners() + " partners, a new opportunity each",
                "registrations/s", value, "raw JDBC, one transaction per row inserting an equivalent event row "
                        + "(a real RegistrationSubmitted payload and metadata) into a copy of domainevententry without "
                        + "triggers, " + config.clients() + " connections", base,
                "ratio >= 0.1 (long-run goal 0.7)", value / base >= 0.1);
        s1.put("ratio", Stats.round(value / base, 3));
        s1.put("storeSizeAtStart", storedBefore);
        s1.put("rounds", rounds);
        s1.put("cpuDuringServiceRounds", cpu);
        s1.put("cpuBreakdownDuringServiceRounds", cpuBreakdown);
        s1.put("cpuUntilProjected", cpuUntilProjected);
        s1.put("cpuDuringBaselineRounds", baselineCpu);
        if (statements != null) {
            s1.put("postgresStatements", statements.report());
        }
        harness.record(s1);
        harness.record(CpuPerRegistration.of(cpuUntilProjected, cpu));
    }
}
