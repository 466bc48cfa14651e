package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm-up before the measured scenarios (JIT, connection pools, Kafka producer and consumer, the rate limiter's
 * buckets): registrations in windows of {@value #WINDOW_SECONDS} s, for at least {@code warmup-seconds}, then on until
 * {@value #PATIENCE_WINDOWS} windows in a row have not beaten the best rate so far by more than {@value #BETTER}
 * ×, at most {@code warmup-max-seconds} in all. On 2 saturated cores the JIT compiler gets little CPU, and the stack
 * kept getting faster for about ten minutes; a fixed 90 s left scenario 1 cold, and so did stopping at the first
 * window that rose by less than 5 %. Nothing here is measured as a result.
 */
final class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    static final double WINDOW_SECONDS = 20;
    static final double BETTER = 1.05;
    static final int PATIENCE_WINDOWS = 6;

    private WarmUp() {
    }

    static Map<String, Object> run(Harness harness) {
        BenchConfig config = harness.config;
        double window = Math.min(WINDOW_SECONDS, Math.max(config.warmupSeconds(), 0.1));
        long ok = 0;
        long failed = 0;
        double seconds = 0;
        double best = 0;
        int sinceBest = 0;
        List<Double> rates = new ArrayList<>();
        while (seconds < config.warmupSeconds()
                || sinceBest < PATIENCE_WINDOWS && seconds < config.warmupMaxSeconds()) {
            ClosedLoop w = ClosedLoop.run(config.clients(), window, i -> harness.load.register().accepted());
            ok += w.ok();
            failed += w.failed();
            seconds += w.seconds();
            rates.add(w.rate());
            if (w.rate() > BETTER * best) {
                best = w.rate();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            log.info("warm-up: {} s, {} registrations/s in the last {} s (best {})", Stats.round(seconds, 0),
                    Stats.round(w.rate(), 1), Stats.round(window, 0), Stats.round(best, 1));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", ok);
        m.put("failed", failed);
        m.put("seconds", Stats.round(seconds, 2));
        m.put("windowSeconds", window);
        m.put("windowRates", rates.stream().map(r -> Stats.round(r, 1)).toList());
        m.put("stoppedBecause", sinceBest >= PATIENCE_WINDOWS
                ? PATIENCE_WINDOWS + " windows in a row did not beat the best rate by more than " + BETTER + " ×"
                : "warmup-max-seconds reached while the rate still rose");
        return m;
    }
}
