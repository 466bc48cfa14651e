package com.leadledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** What every scenario works with: the settings, the running stack, the load generator, and the results so far. */
final class Harness {

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** The CPU group of the harness's own JVM: measured, but not part of the stack. */
    static final String LOAD_GENERATOR = "load-generator (this JVM)";

    final BenchConfig config;
    final BenchStack stack;
    final Load load;
    private final Map<Integer, Map<String, Object>> results = new TreeMap<>();
    /** Every event up to this global index was on the query side at the last {@link #settle()}. */
    private long settledThrough;

    Harness(BenchConfig config, BenchStack stack, Load load) {
        this.config = config;
        this.stack = stack;
        this.load = load;
    }

    /** A scenario's result as the report shows it: id, name, unit, value, baseline, target and whether it was met. */
    /**
     * A lead-in as the JSON reports it: round 0 with its length, beside the rounds and not counted; {@code measured} is
     * what it measured, empty when it was switched off.
     */
    static Map<String, Object> leadIn(Map<String, Object> measured, double seconds) {
        Map<String, Object> leadIn = new LinkedHashMap<>(Map.of("round", 0));
        leadIn.putAll(measured);
        leadIn.put("seconds", seconds);
        return leadIn;
    }

    static Map<String, Object> result(int id, String name, String unit, double value, String baselineName,
                                      double baseline, String target, Boolean met) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("name", name);
        s.put("status", "measured");
        s.put("unit", unit);
        s.put("value", Double.isNaN(value) ? null : Stats.round(value, 2));
        if (baselineName != null) {
            s.put("baseline", baselineName);
            s.put("baselineValue", Double.isNaN(baseline) ? null : Stats.round(baseline, 2));
        }
        s.put("target", target);
        s.put("targetMet", met);
        return s;
    }

    void record(Map<String, Object> result) {
        results.put((Integer) result.get("id"), result);
    }

    Map<String, Object> result(int id) {
        return results.get(id);
    }

    /** By scenario id. */
    Map<Integer, Map<String, Object>> results() {
        return results;
    }

    /**
     * Arrivals per second of scenarios 2 and 3: the {@code rate} setting, else half of what scenario 1 measured in
     * this run (at least 1).
     */
    int fixedRate() {
        if (config.fixedRate() > 0) {
            return config.fixedRate();
        }
        Map<String, Object> s1 = results.get(1);
        if (s1 == null || !(s1.get("value") instanceof Double capacity) || capacity.isNaN()) {
            throw new IllegalStateException("scenario 1 has not measured the capacity that scenarios 2 and 3 use");
        }
        return (int) Math.max(1, Math.round(capacity / 2));
    }

    /** How scenarios 2 and 3 chose their rate, for the report. */
    String fixedRateOrigin() {
        return config.fixedRate() > 0 ? "set by --rate" : "half of scenario 1's measured rate in this run";
    }

    /**
     * Waits until the query side holds every event stored so far, so one phase does not bleed into the next. It counts
     * only the events since the previous call, by their global index: a count of whole tables right before a round
     * would put PostgreSQL's scan of them into that round's first seconds.
     */
    void settle() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long newest = count(stack::commandDb, "SELECT coalesce(max(globalindex), 0) FROM domainevententry");
        long stored = countBetween(stack::commandDb,
                "SELECT count(*) FROM domainevententry WHERE globalindex > ? AND globalindex <= ?", newest);
        while (countBetween(stack::queryDb,
                "SELECT count(*) FROM event_log WHERE global_index > ? AND global_index <= ?", newest) < stored) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        settledThrough = newest;
    }

    private long countBetween(ConnectionSource db, String sql, long newest) throws SQLException {
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, settledThrough);
            ps.setLong(2, newest);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Waits until the query side holds these registrations: primary-key reads, so the wait costs the same CPU at any
     * store size (a count of the whole view would cost PostgreSQL time that grows with N inside a CPU measurement).
     */
    void awaitProjected(Collection<String> registrationIds) throws SQLException {
        String[] ids = registrationIds.toArray(String[]::new);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        try (Connection c = stack.queryDb();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM registration_view WHERE registration_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= ids.length) {
                        return;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    long registrationsStored() throws SQLException {
        return count(stack::commandDb, "SELECT count(*) FROM registration_lookup");
    }

    /** CPU of each part of the stack and of this JVM, the load generator. */
    Cpu cpuMeter() {
        long self = ProcessHandle.current().pid();
        long command = stack.commandPid();
        long query = stack.queryPid();
        Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
        groups.put("command-service", () -> List.of(command));
        groups.put("query-service", () -> List.of(query));
        groups.put("postgres", stack::postgresPids);
        groups.put("kafka", stack::kafkaPids);
        groups.put(LOAD_GENERATOR, () -> List.of(self));
        return new Cpu(groups);
    }

    /**
     * The parts inside {@link #cpuMeter()}'s groups that say why a figure is what it is: each JVM's JIT compiler
     * threads ({@link JitThreads}) and PostgreSQL's processes by role ({@link PostgresRoles}). They overlap the
     * groups of {@link #cpuMeter()}, so they are a separate meter and are never added to its totals.
     */
    Cpu breakdownMeter() {
        Map<String, LongSupplier> groups = new LinkedHashMap<>(JitThreads.groups(this));
        Cpu.ticksOfProcesses(PostgresRoles.groups(stack)).forEach((role, ticks) -> groups.put("postgres " + role, ticks));
        return Cpu.parts(groups);
    }

    static long count(ConnectionSource db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
