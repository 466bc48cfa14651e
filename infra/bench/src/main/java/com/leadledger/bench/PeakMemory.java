package com.leadledger.bench;

import com.leadledger.localruntime.ServiceJvm;

import java.util.Map;

/**
 * Scenario 7: the peak resident memory (VmHWM) of each service, recorded after scenario 1 and extended at the end of
 * the run to everything since scenario 1 began: the seeding of N registrations and the scenarios on that store.
 */
final class PeakMemory {

    private final Rss rss;

    private PeakMemory(Rss rss) {
        this.rss = rss;
    }

    /** Call just before the measured phase: resets the peaks where permitted and starts sampling. */
    static PeakMemory watch(BenchStack stack) {
        Rss rss = new Rss(Map.of("command-service", stack.commandPid(), "query-service", stack.queryPid()));
        rss.resetPeaks();
        return new PeakMemory(rss);
    }

    /** Stops sampling and records scenario 7. */
    void report(Harness harness) {
        rss.stop();
        double command = rss.peakMiB("command-service");
        double query = rss.peakMiB("query-service");
        Map<String, Object> s = Harness.result(7, "peak RSS (VmHWM) of each service during scenario 1", "MiB",
                Math.max(command, query), null, Double.NaN, "each <= 512 MiB", command <= 512 && query <= 512);
        s.put("commandServiceMiB", Stats.round(command, 1));
        s.put("queryServiceMiB", Stats.round(query, 1));
        s.put("peakResetBeforeScenario", rss.resetWorked);
        s.put("note", "VmHWM from /proc/<pid>/status after scenario 1; " + (rss.resetWorked
                ? "the peak was reset (clear_refs 5) just before scenario 1" : "peak since process start (reset not permitted)")
                + "; services run with " + ServiceJvm.describe());
        harness.record(s);
    }

    /**
     * Extends scenario 7 to the whole run: VmHWM now, which has kept rising since the reset before scenario 1. The
     * row's value and verdict become the whole run's; the figures of scenario 1 alone stay in the result.
     */
    static void extendToWholeRun(Harness harness) {
        Map<String, Object> s = harness.result(7);
        if (s == null || !"measured".equals(s.get("status"))) {
            return;
        }
        double command = Math.max(Rss.kb(harness.stack.commandPid(), "VmHWM") / 1024.0,
                ((Number) s.get("commandServiceMiB")).doubleValue());
        double query = Math.max(Rss.kb(harness.stack.queryPid(), "VmHWM") / 1024.0,
                ((Number) s.get("queryServiceMiB")).doubleValue());
        s.put("name", "peak RSS (VmHWM) of each service from the start of scenario 1 to the end of the run");
        s.put("value", Stats.round(Math.max(command, query), 2));
        s.put("targetMet", command <= 512 && query <= 512);
        s.put("commandServiceMiBDuringScenario1", s.get("commandServiceMiB"));
        s.put("queryServiceMiBDuringScenario1", s.get("queryServiceMiB"));
        s.put("commandServiceMiB", Stats.round(command, 1));
        s.put("queryServiceMiB", Stats.round(query, 1));
        s.put("registrationsStoredAtEnd", registrationsStored(harness));
        s.put("note", ((String) s.get("note")).replace("after scenario 1;", "after scenario 1 and at the end of the run;"));
    }

    private static Object registrationsStored(Harness harness) {
        try {
            return harness.registrationsStored();
        } catch (java.sql.SQLException e) {
            return "unknown: " + e.getMessage();
        }
    }
}
