package com.leadledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) used by each part of the stack over an interval, and the
 * whole machine's busy time from {@code /proc/stat}: where the time per registration goes, and how much other
 * processes on a shared machine took.
 */
final class Cpu {

    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    private final Map<String, LongSupplier> groups; // clock ticks used so far, per group
    private final boolean wholeStack; // false: the groups are parts of other groups, so no machine shares
    private Map<String, Long> start;
    private long[] machineStart;
    private long wallStart;

    /** A meter of whole processes: per group, the pids whose CPU it adds up (see {@link #processTicks}). */
    Cpu(Map<String, Supplier<List<Long>>> groups) {
        this(ticksOfProcesses(groups), true);
    }

    private Cpu(Map<String, LongSupplier> groups, boolean wholeStack) {
        this.groups = groups;
        this.wholeStack = wholeStack;
    }

    /**
     * A meter of parts of processes (threads, roles), each group giving its clock ticks so far: CPU per group only, no
     * machine utilisation or others' share.
     */
    static Cpu parts(Map<String, LongSupplier> groups) {
        return new Cpu(groups, false);
    }

    static Map<String, LongSupplier> ticksOfProcesses(Map<String, Supplier<List<Long>>> groups) {
        Map<String, LongSupplier> ticks = new LinkedHashMap<>();
        groups.forEach((name, pids) -> ticks.put(name, () -> pids.get().stream().mapToLong(Cpu::processTicks).sum()));
        return ticks;
    }

    void begin() {
        start = ticks();
        machineStart = machine();
        wallStart = System.nanoTime();
    }

    /** CPU milliseconds per group (and per unit of work when units > 0), machine utilisation and others' share. */
    Map<String, Object> end(long units) {
        Map<String, Long> now = ticks();
        long[] m = machine();
        double wallMs = (System.nanoTime() - wallStart) / 1e6;
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> perUnit = new LinkedHashMap<>();
        Map<String, Object> cores = new LinkedHashMap<>();
        double ours = 0;
        for (String g : groups.keySet()) {
            double ms = (now.getOrDefault(g, 0L) - start.getOrDefault(g, 0L)) * TICK_MS;
            ours += ms;
            cores.put(g, Stats.round(ms / wallMs, 4));
            if (units > 0) {
                perUnit.put(g, Stats.round(ms / units, 3));
            }
        }
        double busyMs = (m[0] - machineStart[0]) * TICK_MS;
        double totalMs = (m[1] - machineStart[1]) * TICK_MS;
        result.put("coresUsed", cores);
        if (units > 0) {
            result.put("cpuMsPerUnit", perUnit);
        }
        if (wholeStack) {
            result.put("machineBusyPercent", Stats.round(100 * busyMs / totalMs, 1));
            result.put("otherProcessesCores", Stats.round(Math.max(0, busyMs - ours) / wallMs, 2));
        }
        return result;
    }

    private Map<String, Long> ticks() {
        Map<String, Long> t = new LinkedHashMap<>();
        groups.forEach((name, ticks) -> t.put(name, ticks.getAsLong()));
        return t;
    }

    /**
     * utime + stime of the process; for a negative pid (a server that forks a process per connection, like the
     * postmaster) also cutime + cstime, the CPU of its children that have already exited.
     */
    static long processTicks(long pid) {
        return ticks(Path.of("/proc/" + Math.abs(pid) + "/stat"), pid < 0);
    }

    /** utime + stime of one thread of a process ({@code /proc/<pid>/stat} would give the whole process's). */
    static long threadTicks(long pid, long tid) {
        return ticks(Path.of("/proc/" + pid + "/task/" + tid + "/stat"), false);
    }

    private static long ticks(Path statFile, boolean withReaped) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return withReaped ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own; // cutime, cstime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} jiffies of all CPUs. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 1};
        }
    }
}
