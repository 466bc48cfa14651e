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
 * infra/bench/target/bench.jar [--n=100000] [--rounds=3] [--scenarios=1,4,10] [--smoke]} (see {@link BenchConfig}
 * for every setting).
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
        ScenarioSelection selection = config.scenarios();
        if (!selection.isAll()) {
            log.info("scenarios selected: {}; running {}", selection.selected(), selection.running());
            selection.dependencies().forEach(d -> log.info("scenarios: {}", d));
            if (!selection.seeding()) {
                log.info("scenarios: no seeding (only scenarios 4, 5, 6 and 8 need the store of n registrations)");
            }
        }
        log.info("warm-up: at least {} s, on while the rate still rises, at most {} s", config.warmupSeconds(),
                config.warmupMaxSeconds());
        meta.put("warmup", WarmUp.run(harness));
        RawInsertBaseline rawInserts = selection.rawInsertBaseline() ? RawInsertBaseline.prepare(harness) : null;

        attempt(harness, selection, 1, () -> new RegistrationThroughput(harness, rawInserts).run());
        attempt(harness, selection, 2, () -> new AcceptanceLatency(harness).run());
        attempt(harness, selection, 3, () -> new VisibilityLag(harness).run());
        if (selection.seeding()) {
            meta.put("seeding", new Seeding(harness).run());
        }
        attempt(harness, selection, 6, () -> new ThroughputAfterSeeding(harness, rawInserts).run());
        attempt(harness, selection, 5, () -> new RankingLookupLatency(harness).run());
        attempt(harness, selection, 4, () -> new ProjectionRebuild(harness).run());
        attempt(harness, selection, 8, () -> new ChainVerification(harness).run());
        attempt(harness, selection, 11, () -> new IdleCpu(harness).run());
        // last: its long opportunity would otherwise be among scenario 5's lookups and in the idle measurement
        attempt(harness, selection, 10, () -> new LongStreamApproval(harness).run());
        PeakMemory.extendToWholeRun(harness);
        // 7 and 9 are measured during 1; 7 is then extended to the whole run above
        for (int id : ScenarioSelection.NAMES.keySet()) {
            if (!selection.runs(id)) {
                harness.record(notSelected(id));
            }
        }
    }

    /** A scenario the run left out: its id, name and status, no figures. */
    static Map<String, Object> notSelected(int id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("name", ScenarioSelection.NAMES.get(id));
        s.put("status", "not selected");
        return s;
    }

    interface Scenario {
        void run() throws Exception;
    }

    /**
     * Runs a scenario; when it fails, it is reported as failed (with the error) and the run goes on, so a long run
     * keeps the figures of the other scenarios. A scenario the selection leaves out does not run (it is reported as
     * not selected at the end).
     */
    private static void attempt(Harness harness, ScenarioSelection selection, int id, Scenario scenario) {
        if (!selection.runs(id)) {
            return;
        }
        String name = ScenarioSelection.NAMES.get(id);
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
