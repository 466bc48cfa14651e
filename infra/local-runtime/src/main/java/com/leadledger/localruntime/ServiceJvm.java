package com.leadledger.localruntime;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a service's JVM runs outside the tests: the options and environment the benchmark measures the services with,
 * which the launcher uses too. The deployment sets them in {@code JAVA_TOOL_OPTIONS} and its environment; its test
 * fails when it lacks any of them but the heap, which a deployment may size to its memory limit.
 * Together they keep a service's resident memory under 512 MiB under load (docs/performance.md, row 7):
 * <ul>
 *   <li>a 192 MiB heap, about three times the command service's live data under load;</li>
 *   <li>the parallel collector, whose own structures are a few MiB where G1's were about 45;</li>
 *   <li>the C library's allocator trimmed every 5 s and held to two arenas, so that memory the JIT compiler and the
 *       threads freed goes back to the system instead of staying resident in per-thread arenas.</li>
 * </ul>
 * And one for the idle CPU (row 11): no performance-data file, which the JVM otherwise samples every 50 ms, about
 * 1 ms of CPU a second per JVM. {@code jps} and {@code jstat} then do not see the service; {@code jcmd <pid>} does.
 */
public final class ServiceJvm {

    /** The heap the benchmark measured (docs/deploy.md: raising it). */
    public static final String HEAP = "-Xmx192m";

    /** The collector, the allocator's trimming and no sampled performance data, whatever heap a deployment chooses. */
    public static final List<String> RUNTIME = List.of("-XX:+UseParallelGC", "-XX:TrimNativeHeapInterval=5000",
            "-XX:-UsePerfData");

    public static final List<String> OPTIONS = Stream.concat(Stream.of(HEAP), RUNTIME.stream()).toList();

    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** The options and the environment, as a report names them. */
    public static String describe() {
        return String.join(" ", OPTIONS) + ENVIRONMENT.entrySet().stream()
                .map(e -> " " + e.getKey() + "=" + e.getValue()).sorted().reduce("", String::concat);
    }

    private ServiceJvm() {
    }
}
