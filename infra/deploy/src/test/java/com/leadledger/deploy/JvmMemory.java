package com.leadledger.deploy;

import com.leadledger.localruntime.ServiceJvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most memory a JVM started with these options may take, region by region, added up the way the image's memory
 * calculator (Paketo's, which {@code spring-boot:build-image} builds in) adds it up before it starts the JVM: heap,
 * metaspace, code cache, direct memory, and {@value #THREADS} thread stacks. A container whose memory limit is below
 * that sum does not start. Every region must be capped in the options: one left out is sized by the calculator from
 * the limit, and the heap would no longer be the one the benchmark measured.
 */
record JvmMemory(long heap, long metaspace, long codeCache, long directMemory, long threadStack) {

    /** The calculator's thread count when none is configured. */
    static final int THREADS = 250;
    private static final long DEFAULT_THREAD_STACK = 1L << 20;
    private static final String HEAP = "-Xmx";
    private static final String METASPACE = "-XX:MaxMetaspaceSize=";
    private static final String CODE_CACHE = "-XX:ReservedCodeCacheSize=";
    private static final String DIRECT_MEMORY = "-XX:MaxDirectMemorySize=";
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)");

    long total() {
        return heap + metaspace + codeCache + directMemory + THREADS * threadStack;
    }

    /** The problems of these options in a container with this memory limit, each starting with {@code where}. */
    static List<String> problems(String where, String options, long limitBytes) {
        List<String> problems = new ArrayList<>();
        Optional<JvmMemory> memory = of(options, where, problems);
        List<String> given = List.of(options.trim().split("\\s+"));
        ServiceJvm.RUNTIME.stream().filter(option -> !given.contains(option)).forEach(option -> problems.add(where
                + ": JAVA_TOOL_OPTIONS lacks " + option + ", which the benchmark measured the services with"));
        memory.filter(m -> m.total() > limitBytes).ifPresent(m -> problems.add(where + ": the JVM may take "
                + mebibytes(m.total()) + " MiB (heap, metaspace, code cache, direct memory, " + THREADS
                + " thread stacks), more than its memory limit of " + mebibytes(limitBytes) + " MiB"));
        return problems;
    }

    private static Optional<JvmMemory> of(String options, String where, List<String> problems) {
        Map<String, Optional<Long>> caps = new LinkedHashMap<>();
        for (String flag : List.of(HEAP, METASPACE, CODE_CACHE, DIRECT_MEMORY)) {
            caps.put(flag, size(options, flag));
        }
        caps.forEach((flag, cap) -> {
            if (cap.isEmpty()) {
                problems.add(where + ": JAVA_TOOL_OPTIONS sets no " + flag.replace("=", ""));
            }
        });
        if (caps.values().stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new JvmMemory(caps.get(HEAP).get(), caps.get(METASPACE).get(), caps.get(CODE_CACHE).get(),
                caps.get(DIRECT_MEMORY).get(), size(options, "-Xss").orElse(DEFAULT_THREAD_STACK)));
    }

    private static Optional<Long> size(String options, String flag) {
        for (String option : options.trim().split("\\s+")) {
            if (option.startsWith(flag)) {
                Matcher m = SIZE.matcher(option.substring(flag.length()).toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a size: " + option);
                }
                return Optional.of(bytes(m.group(1), m.group(2)));
            }
        }
        return Optional.empty();
    }

    /** A size as the JVM and Compose write it: digits and a unit {@code k}, {@code m}, {@code g} (powers of 1024). */
    static long bytes(String digits, String unit) {
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(digits) << shift;
    }

    private static long mebibytes(long bytes) {
        return bytes >> 20;
    }
}
