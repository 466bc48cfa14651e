package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario 11: CPU of the idle system. All services up, no requests: once the query side has caught up and a quiet
 * period has passed, the CPU of every process of the stack over {@code idle-seconds}, as a share of all cores.
 */
final class IdleCpu {

    private static final Logger log = LoggerFactory.getLogger(IdleCpu.class);
    static final double TARGET_PERCENT = 1.0;

    private final Harness harness;

    IdleCpu(Harness harness) {
        this.harness = harness;
    }

    @SuppressWarnings("unchecked")
    void run() throws Exception {
        BenchConfig config = harness.config;
        harness.settle();
        Thread.sleep(Math.round(config.idleSettleSeconds() * 1000));
        int cores = Runtime.getRuntime().availableProcessors();
        log.info("scenario 11: measuring the idle stack for {} s", config.idleSeconds());
        Cpu meter = harness.cpuMeter();
        meter.begin();
        Thread.sleep(Math.round(config.idleSeconds() * 1000));
        Map<String, Object> cpu = meter.end(0);

        Map<String, Object> coresUsed = (Map<String, Object>) cpu.get("coresUsed");
        Map<String, Object> percentPerProcess = new LinkedHashMap<>();
        double stackCores = 0;
        for (Map.Entry<String, Object> e : coresUsed.entrySet()) {
            double used = ((Number) e.getValue()).doubleValue();
            percentPerProcess.put(e.getKey(), Stats.round(100 * used / cores, 2));
            if (!Harness.LOAD_GENERATOR.equals(e.getKey())) {
                stackCores += used;
            }
        }
        double percent = 100 * stackCores / cores;
        Map<String, Object> s = Harness.result(11, "CPU of the idle system: all services up, no requests, "
                        + config.idleSeconds() + " s measured " + config.idleSettleSeconds()
                        + " s after the query side caught up", "% of all cores", percent, null, Double.NaN,
                "<= " + TARGET_PERCENT + " % of all cores", percent <= TARGET_PERCENT);
        s.put("cores", cores);
        s.put("percentOfAllCoresPerProcess", percentPerProcess);
        s.put("method", "utime + stime from /proc/<pid>/stat of every process of the stack (command service, query "
                + "service, PostgreSQL with its backends and exited children, Kafka) over the interval, divided by the "
                + "interval and the number of cores; the load generator (this JVM, which sends nothing meanwhile) is "
                + "listed but not counted");
        s.put("cpu", cpu);
        log.info("scenario 11: {} % of {} cores, per process {}", Stats.round(percent, 2), cores, percentPerProcess);
        harness.record(s);
    }
}
