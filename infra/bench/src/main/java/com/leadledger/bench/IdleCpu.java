package com.leadledger.bench;

import com.leadledger.localruntime.DevTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 11: CPU of the idle system. All services up, no requests: once the query side has caught up, a quiet
 * period has passed and PostgreSQL runs no autovacuum worker (waiting at most {@code idle-settle-max-seconds}), the CPU
 * of every process of the stack over {@code rounds} intervals of {@code idle-seconds}, one after the other, as a share
 * of all cores. The median interval (the lower middle one for an even count) is the figure and the spread is
 * reported, because one interval of an idle stack varies between runs by more than the margins it is judged by.
 * Autovacuum clearing freshly written or rebuilt tables is real but transient work; the result says whether it was
 * still running.
 */
final class IdleCpu {

    private static final Logger log = LoggerFactory.getLogger(IdleCpu.class);
    static final double TARGET_PERCENT = 1.0;

    private static final String AUDITOR_TOKEN = DevTokens.mint("bench-auditor", List.of("AUDITOR"), null);

    private final Harness harness;

    IdleCpu(Harness harness) {
        this.harness = harness;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        harness.settle();
        Thread.sleep(Math.round(config.idleSettleSeconds() * 1000));
        long waitStart = System.nanoTime();
        boolean autovacuumRunning = awaitNoAutovacuum(config.idleSettleMaxSeconds());
        double waited = (System.nanoTime() - waitStart) / 1e9;
        if (autovacuumRunning) {
            log.warn("scenario 11: autovacuum still running after waiting {} s (idle-settle-max-seconds); the idle "
                    + "figure includes it", Stats.round(waited, 1));
        } else {
            log.info("scenario 11: no autovacuum worker running (waited {} s for autovacuum)", Stats.round(waited, 1));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Interval> intervals = new ArrayList<>();
        for (int i = 1; i <= config.rounds(); i++) {
            log.info("scenario 11: measuring the idle stack for {} s (interval {} of {})", config.idleSeconds(), i,
                    config.rounds());
            Interval interval = measure(cores);
            intervals.add(interval);
            log.info("scenario 11 interval {}: {} % of {} cores, per process {}; of which {}",
                    i, Stats.round(interval.percent, 2), cores, interval.percentPerProcess, interval.breakdown);
        }
        // the interval whose total is the median, so that its parts add up to the figure
        Interval median = intervals.stream().sorted(Comparator.comparingDouble(Interval::percent))
                .toList().get((intervals.size() - 1) / 2);
        double percent = median.percent;
        String measured = intervals.size() == 1 ? config.idleSeconds() + " s measured"
                : "the median of " + intervals.size() + " intervals of " + config.idleSeconds() + " s, one after the "
                        + "other, the first";
        Map<String, Object> s = Harness.result(11, "CPU of the idle system: all services up, no requests, " + measured
                        + " " + config.idleSettleSeconds() + " s after the query side caught up", "% of all cores",
                percent, null, Double.NaN, "<= " + TARGET_PERCENT + " % of all cores", percent <= TARGET_PERCENT);
        s.put("cores", cores);
        s.put("autovacuumWaitSeconds", Stats.round(waited, 1));
        s.put("autovacuumRunningAtEnd", autovacuumRunning);
        s.put("percentOfAllCoresPerProcess", median.percentPerProcess);
        s.put("percentOfAllCoresBreakdown", median.breakdown);
        s.put("intervalPercents", intervals.stream().map(i -> Stats.round(i.percent, 2)).toList());
        s.put("spreadPercent", Stats.round(intervals.stream().mapToDouble(Interval::percent).max().orElse(0)
                - intervals.stream().mapToDouble(Interval::percent).min().orElse(0), 2));
        s.put("method", "utime + stime from /proc/<pid>/stat of every process of the stack (command service, query "
                + "service, PostgreSQL with its backends and exited children, Kafka) over the interval, divided by the "
                + "interval and the number of cores; the load generator (this JVM, which sends nothing meanwhile) is "
                + "listed but not counted");
        s.put("intervals", intervals.stream().map(Interval::describe).toList());
        s.put("reconciliation", reconciliation());
        log.info("scenario 11: {} % of {} cores (median of {}: {})", Stats.round(percent, 2), cores, intervals.size(),
                s.get("intervalPercents"));
        harness.record(s);
    }

    /** One idle interval: the stack's share of all cores, per process and broken down, and the raw account. */
    private record Interval(double percent, Map<String, Object> percentPerProcess, Map<String, Object> breakdown,
                            Map<String, Object> cpu) {

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("percent", Stats.round(percent, 2));
            m.put("percentOfAllCoresPerProcess", percentPerProcess);
            m.put("percentOfAllCoresBreakdown", breakdown);
            m.put("cpu", cpu);
            return m;
        }
    }

    @SuppressWarnings("unchecked")
    private Interval measure(int cores) throws InterruptedException {
        Cpu meter = harness.cpuMeter();
        Cpu breakdownMeter = harness.breakdownMeter();
        meter.begin();
        breakdownMeter.begin();
        Thread.sleep(Math.round(harness.config.idleSeconds() * 1000));
        Map<String, Object> cpu = meter.end(0);
        Map<String, Object> breakdown = percentOfCores((Map<String, Object>) breakdownMeter.end(0).get("coresUsed"),
                cores);
        Map<String, Object> coresUsed = (Map<String, Object>) cpu.get("coresUsed");
        double stackCores = 0;
        for (Map.Entry<String, Object> e : coresUsed.entrySet()) {
            if (!Harness.LOAD_GENERATOR.equals(e.getKey())) {
                stackCores += ((Number) e.getValue()).doubleValue();
            }
        }
        return new Interval(100 * stackCores / cores, percentOfCores(coresUsed, cores), breakdown, cpu);
    }

    /**
     * The query side's latest reconciliation of its copy with the event store, as its auditors see it: the idle stack
     * runs it in the background as in production, and a state other than UNAVAILABLE shows it reached the command side.
     */
    private Map<String, Object> reconciliation() {
        Load.Answer answer = harness.load.get(harness.load.queryUrl + "/api/v1/audit/reconciliation", AUDITOR_TOKEN);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("httpStatus", answer.status());
        for (String field : List.of("state", "checkedAt", "scope", "detail")) {
            report.put(field, answer.field(field));
        }
        return report;
    }

    private static Map<String, Object> percentOfCores(Map<String, Object> coresUsed, int cores) {
        Map<String, Object> percent = new LinkedHashMap<>();
        coresUsed.forEach((name, used) -> percent.put(name, Stats.round(100 * ((Number) used).doubleValue() / cores, 2)));
        return percent;
    }

    /**
     * Polls PostgreSQL every second until it runs no autovacuum worker, at most {@code maxSeconds}; returns whether
     * one was still running when the wait ended.
     */
    private boolean awaitNoAutovacuum(double maxSeconds) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Math.round(Math.max(0, maxSeconds) * 1e9);
        try (Connection c = harness.stack.admin(); Statement st = c.createStatement()) {
            while (true) {
                int workers;
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
                    rs.next();
                    workers = rs.getInt(1);
                }
                if (workers == 0) {
                    return false;
                }
                if (System.nanoTime() >= deadline) {
                    return true;
                }
                Thread.sleep(1000);
            }
        }
    }
}
