package com.leadledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 9: CPU per accepted registration of each process of the stack during scenario 1, counted from a round's
 * start until the query side holds every registration accepted in the round, so the relay's, Kafka's and the
 * projections' share of the round's work is in it; medians of the rounds. The harness's own JVM is reported apart and
 * not counted.
 */
final class CpuPerRegistration {

    static final String COMMAND = "command-service";
    static final String POSTGRES = "postgres";
    static final double TOTAL_TARGET_MS = 1.5;
    static final double COMMAND_TARGET_MS = 0.6;
    static final double POSTGRES_TARGET_MS = 0.6;

    private CpuPerRegistration() {
    }

    /**
     * @param untilProjected per round, {@link Cpu#end} from the round's start until the query side caught up
     * @param duringRound    per round, the same over the round alone (for comparison)
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(List<Map<String, Object>> untilProjected, List<Map<String, Object>> duringRound) {
        Map<String, List<Double>> perProcess = new LinkedHashMap<>();
        List<Double> totals = new ArrayList<>();
        for (Map<String, Object> round : untilProjected) {
            Map<String, Object> perUnit = (Map<String, Object>) round.getOrDefault("cpuMsPerUnit", Map.of());
            double total = 0;
            for (Map.Entry<String, Object> e : perUnit.entrySet()) {
                double ms = ((Number) e.getValue()).doubleValue();
                perProcess.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ms);
                if (!Harness.LOAD_GENERATOR.equals(e.getKey())) {
                    total += ms;
                }
            }
            totals.add(perUnit.isEmpty() ? Double.NaN : total);
        }
        Map<String, Object> medians = new LinkedHashMap<>();
        perProcess.forEach((name, values) -> medians.put(name, Stats.round(Stats.median(values), 3)));
        double total = Stats.median(totals);
        double command = median(perProcess, COMMAND);
        double postgres = median(perProcess, POSTGRES);
        boolean met = total <= TOTAL_TARGET_MS && command <= COMMAND_TARGET_MS && postgres <= POSTGRES_TARGET_MS;
        Map<String, Object> s = Harness.result(9, "CPU per accepted registration, all processes of the stack (command "
                        + "service, query service, PostgreSQL, Kafka), warm, during scenario 1 until the query side "
                        + "projected the round", "ms per registration", total, null, Double.NaN,
                "total <= " + TOTAL_TARGET_MS + " ms, command service <= " + COMMAND_TARGET_MS + " ms, PostgreSQL <= "
                        + POSTGRES_TARGET_MS + " ms", untilProjected.isEmpty() ? null : met);
        s.put("totalMs", Stats.round(total, 3));
        s.put("commandServiceMs", Stats.round(command, 3));
        s.put("postgresMs", Stats.round(postgres, 3));
        s.put("perProcessMs", medians);
        s.put("method", "utime + stime from /proc/<pid>/stat of every process of the stack (PostgreSQL: the postmaster, "
                + "its live backends and its exited children) from the start of each scenario-1 round until the query "
                + "side holds every registration accepted in the round (polled by primary key every 20 ms), divided "
                + "by the registrations accepted in the round; medians of the rounds; the load generator (this JVM) "
                + "is listed but not counted");
        s.put("cpuDuringRoundsOnly", duringRound);
        return s;
    }

    private static double median(Map<String, List<Double>> perProcess, String name) {
        return Stats.median(perProcess.getOrDefault(name, List.of()));
    }
}
