package com.leadledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Peak resident memory of processes: {@code VmHWM} from {@code /proc/<pid>/status}, reset at the start (writing 5 to
 * {@code /proc/<pid>/clear_refs}) when permitted, plus a 100 ms sampler of {@code VmRSS} as a cross-check.
 */
final class Rss {

    private final Map<String, Long> pids;
    private final Map<String, Long> sampledMaxKb = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    boolean resetWorked;

    Rss(Map<String, Long> pids) {
        this.pids = pids;
        this.sampler = new Thread(() -> {
            while (running) {
                pids.forEach((name, pid) -> sampledMaxKb.merge(name, kb(pid, "VmRSS"), Math::max));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss-sampler");
        sampler.setDaemon(true);
    }

    void resetPeaks() {
        boolean all = true;
        for (long pid : pids.values()) {
            try {
                Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            } catch (IOException | RuntimeException e) {
                all = false;
            }
        }
        resetWorked = all;
        sampler.start();
    }

    void stop() {
        running = false;
        sampler.interrupt();
    }

    /** The larger of VmHWM and the sampled VmRSS maximum, in MiB. */
    double peakMiB(String name) {
        long pid = pids.get(name);
        long hwm = kb(pid, "VmHWM");
        return Math.max(hwm, sampledMaxKb.getOrDefault(name, 0L)) / 1024.0;
    }

    static long kb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or not Linux
        }
        return 0;
    }
}
