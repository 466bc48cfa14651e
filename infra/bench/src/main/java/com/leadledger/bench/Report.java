package com.leadledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes bench-results.json and a short markdown table next to it. */
final class Report {

    private Report() {
    }

    static Path write(Path dir, Map<String, Object> meta, Map<Integer, Map<String, Object>> scenarios) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("meta", meta);
        root.put("scenarios", new ArrayList<>(scenarios.values()));
        Path json = dir.resolve("bench-results.json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(json.toFile(), root);
        Files.writeString(dir.resolve("bench-results.md"), markdown(meta, scenarios));
        return json;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> meta, Map<Integer, Map<String, Object>> scenarios) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) meta.get("machine");
        Map<String, Object> config = (Map<String, Object>) meta.get("config");
        md.append("Run ").append(meta.get("startedAt")).append(" on ").append(machine.get("cpus")).append(" CPUs (")
                .append(machine.get("cpuModel")).append("), ").append(machine.get("memTotal")).append(", ")
                .append(machine.get("java")).append("; N = ").append(config.get("n")).append(" registrations")
                .append(meta.containsKey("seeding") ? "" : " (not seeded: no scenario of this run needs them)")
                .append(", ")
                .append(config.get("rounds")).append(" rounds of ").append(config.get("roundSeconds"))
                .append(" s, medians of the rounds").append(Boolean.TRUE.equals(config.get("smoke")) ? " (SMOKE RUN: not a measurement)" : "")
                .append(".\n\n");
        md.append("| # | scenario | result | same-run baseline | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> s : scenarios.values()) {
            int id = (int) s.get("id");
            if ("not selected".equals(s.get("status"))) {
                md.append("| ").append(id).append(" | ").append(s.get("name")).append(" | not selected | — | — | — | — |\n");
                continue;
            }
            String result;
            String baseline = s.containsKey("baselineValue") ? fmt(s.get("baselineValue")) : "—";
            switch ("failed".equals(s.get("status")) ? -1 : id) {
                case -1 -> result = "FAILED: " + s.get("error");
                case 2, 5 -> result = "p50 " + fmt(s.get("p50Ms")) + " ms, p99 " + fmt(s.get("p99Ms")) + " ms";
                case 3 -> {
                    String ge = Boolean.TRUE.equals(s.get("lowerBound")) ? ">= " : "";
                    result = "p50 " + ge + fmt(s.get("p50Ms")) + " ms, p99 " + ge + fmt(s.get("p99Ms")) + " ms";
                    if (s.get("stages") instanceof Map<?, ?> st) {
                        result += " (201 -> on Kafka p50 " + fmt(st.get("relayP50Ms")) + " / p99 " + fmt(st.get("relayP99Ms"))
                                + " ms; Kafka -> readable p50 " + fmt(st.get("kafkaToReadableP50Ms")) + " / p99 "
                                + fmt(st.get("kafkaToReadableP99Ms")) + " ms)";
                    }
                    baseline = "Kafka p50 " + fmt(s.get("baselineP50Ms")) + " ms, p99 " + fmt(s.get("baselineP99Ms")) + " ms";
                }
                case 4 -> {
                    result = fmt(s.get("value")) + " events/s (" + fmt(s.get("rebuildEventsDone")) + " events in "
                            + fmt(s.get("rebuildSeconds")) + " s)";
                    baseline = fmt(s.get("baselineValue")) + " events/s (scan + parse)";
                }
                case 9 -> result = fmt(s.get("totalMs")) + " ms (command " + fmt(s.get("commandServiceMs")) + ", PostgreSQL "
                        + fmt(s.get("postgresMs")) + ", per process " + s.get("perProcessMs") + ")";
                case 10 -> {
                    result = "p50 " + fmt(s.get("longP50Ms")) + " ms on " + fmt(s.get("eventsBeforeApprovals")) + " events";
                    baseline = "p50 " + fmt(s.get("freshP50Ms")) + " ms on a fresh opportunity";
                }
                case 11 -> result = fmt(s.get("value")) + " % of " + s.get("cores") + " cores (intervals "
                        + s.get("intervalPercents") + " %, the median one per process "
                        + s.get("percentOfAllCoresPerProcess") + " %; "
                        + (Boolean.TRUE.equals(s.get("autovacuumRunningAtEnd"))
                        ? "autovacuum STILL RUNNING after waiting " + fmt(s.get("autovacuumWaitSeconds")) + " s"
                        : "no autovacuum worker running, waited " + fmt(s.get("autovacuumWaitSeconds")) + " s for it")
                        + ")";
                case 7 -> result = "command " + fmt(s.get("commandServiceMiB")) + " MiB, query "
                        + fmt(s.get("queryServiceMiB")) + " MiB";
                default -> {
                    result = fmt(s.get("value")) + " " + s.get("unit");
                    baseline = baseline + ("—".equals(baseline) ? "" : id == 1 ? " rows/s" : " " + s.get("unit"));
                }
            }
            Object met = s.get("targetMet");
            md.append("| ").append(id).append(" | ").append(s.get("name")).append(" | ").append(result).append(" | ")
                    .append(baseline).append(" | ").append(s.containsKey("ratio") ? fmt(s.get("ratio")) : "—")
                    .append(" | ").append(s.get("target")).append(" | ")
                    .append(met == null ? "n/a" : (Boolean) met ? "yes" : "**no**").append(" |\n");
        }
        Object seeding = meta.get("seeding");
        if (seeding instanceof Map<?, ?> seed) {
            md.append("\nSeeding: ").append(seed.get("registrationsStoredAfter")).append(" registrations (")
                    .append(seed.get("eventsStored")).append(" events) stored via HTTP at ")
                    .append(seed.get("registrationsPerSecond")).append(" registrations/s in ").append(seed.get("seconds"))
                    .append(" s; query side caught up ").append(seed.get("querySideCatchUpSecondsAfterSeeding"))
                    .append(" s after the last one.\n");
        }
        Map<String, Object> s1 = scenarios.get(1);
        if (s1 != null && s1.get("postgresStatements") instanceof Map<?, ?> account) {
            md.append(statements(account));
        }
        md.append("\nStack: ").append(((Map<String, Object>) meta.getOrDefault("stack", Map.of())).values()).append("\n");
        return md.toString();
    }

    /** Scenario 1's {@link StatementAccount}: per database, then the statements that executed longest. */
    private static String statements(Map<?, ?> account) {
        StringBuilder md = new StringBuilder("\nPostgreSQL per accepted registration during scenario 1 (pg_stat_statements, "
                + account.get("registrations") + " registrations; execution is wall time in the server):");
        ((Map<?, ?>) account.get("databases")).forEach((database, sums) -> md.append(" ").append(database).append(" ")
                .append(fmt(((Map<?, ?>) sums).get("statementsPerRegistration"))).append(" statements, ")
                .append(fmt(((Map<?, ?>) sums).get("execMicrosPerRegistration"))).append(" µs;"));
        md.append("\n\n| database | calls | µs | mean µs | longest ms | rows | statement |\n|---|---|---|---|---|---|---|\n");
        for (Object listed : (List<?>) account.get("statements")) {
            Map<?, ?> s = (Map<?, ?>) listed;
            md.append("| ").append(s.get("database")).append(Boolean.TRUE.equals(s.get("nested")) ? " (nested)" : "")
                    .append(" | ").append(fmt(s.get("callsPerRegistration")))
                    .append(" | ").append(fmt(s.get("execMicrosPerRegistration")))
                    .append(" | ").append(fmt(s.get("meanExecMicros")))
                    .append(" | ").append(fmt(s.get("maxExecMillis")))
                    .append(" | ").append(fmt(s.get("rowsPerRegistration")))
                    .append(" | `").append(String.valueOf(s.get("statement")).replace("|", "\\|").replace("`", "'"))
                    .append("` |\n");
        }
        return md.toString();
    }

    private static String fmt(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "n/a";
            }
            if (Math.abs(d) >= 100) {
                return String.format("%,.0f", d);
            }
            return String.format("%.2f", d);
        }
        return String.valueOf(v);
    }
}
