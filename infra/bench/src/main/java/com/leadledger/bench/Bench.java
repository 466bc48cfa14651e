package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark harness: starts the real stack, runs the scenarios with their same-run baselines and writes
 * {@code bench-results.json} and {@code bench-results.md}. It only measures and reports; nothing here compares a
 * figure with a target in a way that fails the run.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -o -pl infra/bench -am -DskipTests package && java -jar
 * infra/bench/target/bench.jar [--n=100000] [--rounds=3] [--smoke]} (see {@link BenchConfig} for every setting).
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private final BenchConfig config;
    private final Map<String, Object> meta = new LinkedHashMap<>();

    Bench(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.from(args);
        Path json = new Bench(config).run();
        System.out.println("results: " + json + " and " + json.resolveSibling("bench-results.md"));
        System.exit(0);
    }

    /** Runs everything and returns the path of the JSON results. */
    Path run() throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        meta.put("startedAt", started.toString());
        meta.put("machine", Machine.describe());
        meta.put("config", config.describe());
        BenchStack stack = new BenchStack();
        Load load = null;
        Harness harness = null;
        try {
            stack.start(config);
            meta.put("stack", stack.description);
            load = new Load(stack.command.baseUrl(), stack.query.baseUrl());
            load.onboardPartners(config.partners());
            harness = new Harness(config, stack, load);
            runScenarios(harness);
        } finally {
            stack.close();
        }
        meta.put("finishedAt", Instant.now().toString());
        meta.put("totalSeconds", Stats.round((System.nanoTime() - t0) / 1e9, 1));
        if (load != null) {
            Map<String, Long> statuses = new TreeMap<>();
            load.statusCounts.forEach((k, v) -> statuses.put(Integer.toString(k), v.get()));
            meta.put("registrationAnswersByStatus", statuses);
        }
        return Report.write(config.out(), meta, harness == null ? Map.of() : harness.results());
    }

    private void runScenarios(Harness harness) throws Exception {
        // warm-up (not measured): JIT, connection pools, Kafka producer/consumer, the rate limiter's buckets
        log.info("warm-up {} s", config.warmupSeconds());
        ClosedLoop warm = ClosedLoop.run(config.clients(), config.warmupSeconds(),
                i -> harness.load.register().accepted());
        meta.put("warmup", Map.of("accepted", warm.ok(), "failed", warm.failed(),
                "seconds", Stats.round(warm.seconds(), 2)));
        RawInsertBaseline rawInserts = RawInsertBaseline.prepare(harness);

        attempt(harness, 1, "registration throughput", () -> new RegistrationThroughput(harness, rawInserts).run());
        attempt(harness, 2, "acceptance latency", () -> new AcceptanceLatency(harness).run());
        attempt(harness, 3, "visibility lag", () -> new VisibilityLag(harness).run());
        meta.put("seeding", new Seeding(harness).run());
        attempt(harness, 6, "throughput after seeding", () -> new ThroughputAfterSeeding(harness, rawInserts).run());
        attempt(harness, 5, "ranking lookup", () -> new RankingLookupLatency(harness).run());
        attempt(harness, 4, "projection rebuild", () -> new ProjectionRebuild(harness).run());
        attempt(harness, 8, "hash-chain verification", () -> new ChainVerification(harness).run());
        attempt(harness, 11, "idle CPU", () -> new IdleCpu(harness).run());
        // last: its long opportunity would otherwise be among scenario 5's lookups and in the idle measurement
        attempt(harness, 10, "approve on a long opportunity", () -> new LongStreamApproval(harness).run());
    }

    interface Scenario {
        void run() throws Exception;
    }

    /**
     * Runs a scenario; when it fails, it is reported as failed (with the error) and the run goes on, so a long run
     * keeps the figures of the other scenarios.
     */
    private static void attempt(Harness harness, int id, String name, Scenario scenario) {
        try {
            scenario.run();
        } catch (Exception | AssertionError e) {
            log.error("scenario {} ({}) failed", id, name, e);
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("id", id);
            failed.put("name", name);
            failed.put("status", "failed");
            failed.put("error", e.toString());
            harness.record(failed);
        }
    }
}
