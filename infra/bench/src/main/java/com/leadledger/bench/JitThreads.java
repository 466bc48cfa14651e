package com.leadledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The JIT compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}) of a JVM, by thread id, for
 * {@link Cpu}: how much of a JVM's CPU went into compiling code rather than running it, which is what "cold" means in
 * figures.
 */
final class JitThreads {

    private JitThreads() {
    }

    /** One group per JVM of the stack and the load generator: the clock ticks of its compiler threads so far. */
    static Map<String, LongSupplier> groups(Harness harness) {
        long command = harness.stack.commandPid();
        long query = harness.stack.queryPid();
        List<Long> kafka = harness.stack.kafkaPids();
        Map<String, LongSupplier> groups = new TreeMap<>();
        groups.put("command-service JIT", () -> ticks(command));
        groups.put("query-service JIT", () -> ticks(query));
        if (!kafka.isEmpty()) {
            groups.put("kafka JIT", () -> ticks(kafka.get(0)));
        }
        groups.put(Harness.LOAD_GENERATOR + " JIT", () -> ticks(ProcessHandle.current().pid()));
        return groups;
    }

    /** CPU of the process's compiler threads alive now (one that has exited takes its time with it). */
    static long ticks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.filter(JitThreads::isCompiler)
                    .mapToLong(t -> Cpu.threadTicks(pid, Long.parseLong(t.getFileName().toString()))).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isCompiler(Path task) {
        try {
            return Files.readString(task.resolve("comm")).contains("CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }
}
