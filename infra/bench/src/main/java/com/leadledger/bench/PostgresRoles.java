package com.leadledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * PostgreSQL's processes grouped by role, read from the titles the server gives them ({@code /proc/<pid>/cmdline}):
 * the checkpointer, background writer, WAL writer, autovacuum and so on, and the client backends of each database.
 * For {@link Cpu}, to say where an idle server's time goes.
 */
final class PostgresRoles {

    /** The postmaster, with the CPU of every backend that has exited (its reaped children). */
    static final String POSTMASTER = "postmaster and exited backends";

    private static final String AUTOVACUUM_WORKER = "autovacuum worker";
    private static final List<String> BACKGROUND = List.of("checkpointer", "background writer", "walwriter",
            "autovacuum launcher", AUTOVACUUM_WORKER, "logical replication launcher", "archiver", "stats collector",
            "walsender", "parallel worker");

    private PostgresRoles() {
    }

    /**
     * One CPU group per role present now. A group re-reads the server's processes each time it is sampled, so a
     * backend that starts during the interval counts in its role; one that exits counts under {@link #POSTMASTER}.
     */
    static Map<String, Supplier<List<Long>>> groups(BenchStack stack) {
        Map<String, Supplier<List<Long>>> groups = new TreeMap<>();
        List<Long> pids = stack.postgresPids();
        if (pids.isEmpty()) {
            return groups;
        }
        long postmaster = pids.get(0);
        groups.put(POSTMASTER, () -> List.of(postmaster));
        groups.put(AUTOVACUUM_WORKER, backendsIn(stack, AUTOVACUUM_WORKER)); // comes and goes: listed even if absent now
        for (long pid : pids.subList(1, pids.size())) {
            String role = role(pid);
            groups.putIfAbsent(role, backendsIn(stack, role));
        }
        return groups;
    }

    private static Supplier<List<Long>> backendsIn(BenchStack stack, String role) {
        return () -> {
            List<Long> now = stack.postgresPids();
            return now.subList(Math.min(1, now.size()), now.size()).stream().filter(p -> role.equals(role(p))).toList();
        };
    }

    /** "checkpointer", "walwriter", …, or "client backends of DB" for a connection's backend. */
    static String role(long pid) {
        String title;
        try {
            title = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            return "exited";
        }
        title = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
        for (String background : BACKGROUND) {
            if (title.startsWith(background)) {
                return background;
            }
        }
        String[] words = title.split("\\s+"); // user database host(port) state
        return words.length > 1 ? "client backends of " + words[1] : title;
    }
}
