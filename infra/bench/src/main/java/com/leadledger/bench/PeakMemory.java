package com.leadledger.bench;

import java.util.Map;

/** Scenario 7: the peak resident memory (VmHWM) of each service while scenario 1 runs. */
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
                + "; services run with " + BenchStack.SERVICE_HEAP);
        harness.record(s);
    }
}
