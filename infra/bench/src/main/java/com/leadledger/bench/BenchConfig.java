package com.leadledger.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one harness run. Each comes from a program argument {@code --name=value}, else the JVM system property
 * {@code bench.name}, else the default here. {@code --smoke} switches every default to a run of a few seconds.
 */
record BenchConfig(
        long n,                 // registrations stored before scenarios 5, 6 and 8 (the target is 1,000,000)
        int rounds,             // measured rounds per scenario; medians are reported
        int clients,            // concurrent HTTP clients / JDBC connections of scenarios 1 and 6
        int seedClients,        // concurrent HTTP clients while seeding
        int partners,           // partners onboarded; clients spread over them (the rate limit is per partner)
        double roundSeconds,    // length of one round of the throughput and latency scenarios
        double warmupSeconds,   // closed-loop warm-up before the first measured round (JIT, pools): at least this
        double warmupMaxSeconds, // ... and on until its rate stops rising, at most this in all
        int fixedRate,          // arrivals per second of scenarios 2 and 3; 0: half of scenario 1's measured rate
        int watchEvery,         // scenario 3: every k-th registration is watched on the query service
        int pollMillis,         // scenario 3: interval between reads of a watched registration
        double readWarmupSeconds, // scenario 3: untimed reads of registrations before the measured rounds
        double leadInSeconds,   // scenarios 2 and 3: untimed arrivals at their fixed rate right before the first round
        int lookupClients,      // scenario 5: concurrent readers
        double lookupWarmupSeconds, // scenario 5: untimed lookups before the measured rounds
        int longStreamEvents,   // scenario 10: events on the long opportunity before its approvals are timed
        int approveSamples,     // scenario 10: timed approvals on the long opportunity and as many on fresh ones
        double idleSeconds,     // scenario 11: length of the idle measurement
        double idleSettleSeconds, // scenario 11: quiet time after the query side caught up, before measuring
        double idleSettleMaxSeconds, // scenario 11: longest wait, after the quiet time, for autovacuum to finish
        double progressSeconds, // interval of the seeding's progress lines
        boolean resume,         // keep the work directory's PostgreSQL and Kafka data and add only what is missing
        boolean durablePg,      // PostgreSQL with fsync and synchronous_commit on (the product's durability)
        Map<String, String> postgresSettings, // server settings of the harness's own PostgreSQL, name to value
        boolean pgStatements,   // scenario 1 also reports PostgreSQL's statements per registration (pg_stat_statements)
        String serviceJvmArgs,  // extra JVM options of both services (smoke: C1 only, for a quicker start)
        ScenarioSelection scenarios, // which scenarios run (all, or the selected ones and what they need)
        Path out,               // where bench-results.json and bench-results.md go
        Path work,              // scratch: PostgreSQL cluster, Kafka data, service logs
        boolean smoke) {

    static BenchConfig from(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (use --name=value)");
            }
            int eq = arg.indexOf('=');
            a.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        boolean smoke = Boolean.parseBoolean(get(a, "smoke", "false"));
        int fixedRate = rate(get(a, "rate", "half"));
        boolean pgStatements = Boolean.parseBoolean(get(a, "pg-statements", "false"));
        BenchConfig config = new BenchConfig(
                Long.parseLong(get(a, "n", smoke ? "300" : "100000").replace("_", "")),
                Integer.parseInt(get(a, "rounds", smoke ? "1" : "3")),
                Integer.parseInt(get(a, "clients", "16")),
                Integer.parseInt(get(a, "seed-clients", "32")),
                Integer.parseInt(get(a, "partners", smoke ? "20" : "100")),
                Double.parseDouble(get(a, "round-seconds", smoke ? "1" : "10")),
                Double.parseDouble(get(a, "warmup-seconds", smoke ? "1" : "90")),
                Double.parseDouble(get(a, "warmup-max-seconds", smoke ? "1" : "900")),
                fixedRate,
                Integer.parseInt(get(a, "watch-every", smoke ? "1" : "10")),
                Integer.parseInt(get(a, "poll-millis", "5")),
                Double.parseDouble(get(a, "read-warmup-seconds", smoke ? "1" : "60")),
                Double.parseDouble(get(a, "lead-in-seconds", smoke ? "1" : "10")),
                Integer.parseInt(get(a, "lookup-clients", "4")),
                Double.parseDouble(get(a, "lookup-warmup-seconds", smoke ? "1" : "60")),
                Integer.parseInt(get(a, "long-stream-events", smoke ? "30" : "10000").replace("_", "")),
                Integer.parseInt(get(a, "approve-samples", smoke ? "3" : "15")),
                Double.parseDouble(get(a, "idle-seconds", smoke ? "3" : "60")),
                Double.parseDouble(get(a, "idle-settle-seconds", smoke ? "1" : "15")),
                Double.parseDouble(get(a, "idle-settle-max-seconds", smoke ? "30" : "600")),
                Double.parseDouble(get(a, "progress-seconds", smoke ? "1" : "10")),
                Boolean.parseBoolean(get(a, "resume", "false")),
                Boolean.parseBoolean(get(a, "durable-pg", "true")),
                postgresSettings(get(a, "postgres-settings", "shared_buffers=256MB"), pgStatements),
                pgStatements,
                get(a, "service-jvm-args", smoke ? "-XX:TieredStopAtLevel=1" : ""),
                ScenarioSelection.parse(scenarios(a), fixedRate > 0),
                Paths.get(get(a, "out", ".")).toAbsolutePath().normalize(),
                a.containsKey("work") || System.getProperty("bench.work") != null
                        ? Paths.get(get(a, "work", "")).toAbsolutePath().normalize()
                        : com.leadledger.localruntime.ProjectPaths.root().resolve("infra/bench/target/bench-work"),
                smoke);
        if (config.warmupMaxSeconds() < config.warmupSeconds()) {
            throw new IllegalArgumentException("warmup-max-seconds: " + config.warmupMaxSeconds()
                    + " is less than warmup-seconds (" + config.warmupSeconds() + "), which the warm-up always runs");
        }
        return config;
    }

    /** "half" (the default) or 0: half of scenario 1's measured rate of the same run; else arrivals per second. */
    private static int rate(String value) {
        int rate = "half".equalsIgnoreCase(value) ? 0 : Integer.parseInt(value);
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be positive, or half: " + value);
        }
        return rate;
    }

    /**
     * {@code name=value} pairs, comma-separated, such as {@code shared_buffers=2GB,max_wal_size=8GB}; with
     * {@code statements} also those that {@link StatementAccount} needs (its library added to any preloaded ones).
     */
    private static Map<String, String> postgresSettings(String value, boolean statements) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] nameAndValue = pair.trim().split("=", 2);
            if (nameAndValue.length != 2 || !nameAndValue[0].trim().matches("[a-z_][a-z0-9_.]*")
                    || nameAndValue[1].isBlank()) {
                throw new IllegalArgumentException("postgres-settings: '" + pair.trim() + "' is not name=value"
                        + " (a PostgreSQL server setting, lower case, and its value; pairs separated by commas)");
            }
            settings.put(nameAndValue[0].trim(), nameAndValue[1].trim());
        }
        if (statements) {
            StatementAccount.SERVER_SETTINGS.forEach((name, setting) -> settings.merge(name, setting,
                    (given, needed) -> !name.equals("shared_preload_libraries") || given.equals(needed) ? needed
                            : given + "," + needed));
        }
        return Collections.unmodifiableMap(settings);
    }

    /** The {@code scenarios} setting as given, so that an empty list is refused rather than read as the default. */
    private static String scenarios(Map<String, String> args) {
        String v = args.containsKey("scenarios") ? args.get("scenarios") : System.getProperty("bench.scenarios");
        return v == null ? "all" : v;
    }

    private static String get(Map<String, String> args, String name, String fallback) {
        String v = args.get(name);
        if (v == null) {
            v = System.getProperty("bench." + name);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("rounds", rounds);
        m.put("clients", clients);
        m.put("seedClients", seedClients);
        m.put("partners", partners);
        m.put("roundSeconds", roundSeconds);
        m.put("warmupSeconds", warmupSeconds);
        m.put("warmupMaxSeconds", warmupMaxSeconds);
        m.put("fixedRatePerSecond", fixedRate == 0 ? "half of scenario 1" : fixedRate);
        m.put("visibilityWatchEvery", watchEvery);
        m.put("visibilityPollMillis", pollMillis);
        m.put("visibilityReadWarmupSeconds", readWarmupSeconds);
        m.put("leadInSeconds", leadInSeconds);
        m.put("lookupClients", lookupClients);
        m.put("lookupWarmupSeconds", lookupWarmupSeconds);
        m.put("longStreamEvents", longStreamEvents);
        m.put("approveSamples", approveSamples);
        m.put("idleSeconds", idleSeconds);
        m.put("idleSettleSeconds", idleSettleSeconds);
        m.put("idleSettleMaxSeconds", idleSettleMaxSeconds);
        m.put("resume", resume);
        m.put("durablePostgres", durablePg);
        m.put("postgresSettings", postgresSettings);
        m.put("postgresStatements", pgStatements);
        m.put("serviceJvmArgs", serviceJvmArgs);
        m.put("scenarios", scenarios.describe());
        m.put("smoke", smoke);
        return m;
    }
}
