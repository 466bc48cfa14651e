package com.leadledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which scenarios a run measures (the {@code scenarios} setting): {@code all}, or a comma-separated list of ids. The
 * selection is widened by what the selected scenarios need, and each widening is explained for the log:
 * <ul>
 *   <li>9 (CPU per registration) and 7 (peak RSS) are measured during 1, so selecting either runs 1, and whenever 1
 *       runs both are measured with it;</li>
 *   <li>2 and 3 at {@code rate=half} need the rate scenario 1 measured in the same run (with a fixed rate they do
 *       not);</li>
 *   <li>6 is compared with 1 of the same run;</li>
 *   <li>seeding runs only for 4, 5, 6 or 8, and the raw-insert baseline is prepared only when 1 or 6 runs.</li>
 * </ul>
 */
final class ScenarioSelection {

    /** Every scenario's id and short name, in id order. */
    static final Map<Integer, String> NAMES;

    static {
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(1, "registration throughput");
        names.put(2, "acceptance latency");
        names.put(3, "visibility lag");
        names.put(4, "projection rebuild");
        names.put(5, "ranking lookup");
        names.put(6, "throughput after seeding");
        names.put(7, "peak RSS");
        names.put(8, "hash-chain verification");
        names.put(9, "CPU per registration");
        names.put(10, "approve on a long opportunity");
        names.put(11, "idle CPU");
        NAMES = Collections.unmodifiableMap(names);
    }

    private final boolean all;
    private final SortedSet<Integer> selected;
    private final SortedSet<Integer> runs;
    private final List<String> dependencies;

    private ScenarioSelection(boolean all, SortedSet<Integer> selected, SortedSet<Integer> runs,
                              List<String> dependencies) {
        this.all = all;
        this.selected = Collections.unmodifiableSortedSet(selected);
        this.runs = Collections.unmodifiableSortedSet(runs);
        this.dependencies = List.copyOf(dependencies);
    }

    /** Every scenario: the harness's behaviour without the setting. */
    static ScenarioSelection all() {
        return parse("all", false);
    }

    /**
     * Parses the setting's value ({@code all} or ids such as {@code 1,4,10}) and resolves the dependencies.
     *
     * @param fixedRate whether scenarios 2 and 3 run at a rate set by {@code --rate} (else half of scenario 1's)
     * @throws IllegalArgumentException for an empty list or an unknown id, naming the setting and the valid ids
     */
    static ScenarioSelection parse(String value, boolean fixedRate) {
        String v = value == null ? "" : value.trim();
        if ("all".equalsIgnoreCase(v)) {
            return new ScenarioSelection(true, new TreeSet<>(NAMES.keySet()), new TreeSet<>(NAMES.keySet()), List.of());
        }
        SortedSet<Integer> selected = new TreeSet<>();
        for (String part : v.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
                throw new IllegalArgumentException("scenarios: " + (v.isEmpty() ? "empty list" : "empty id in '" + v + "'")
                        + "; " + validIds());
            }
            Integer parsed = id.matches("\\d{1,3}") ? Integer.valueOf(id) : null;
            if (parsed == null || !NAMES.containsKey(parsed)) {
                throw new IllegalArgumentException("scenarios: unknown scenario id '" + id + "'; " + validIds());
            }
            selected.add(parsed);
        }
        SortedSet<Integer> runs = new TreeSet<>(selected);
        List<String> dependencies = new ArrayList<>();
        List<String> needOne = new ArrayList<>();
        for (int id : selected) {
            switch (id) {
                case 7 -> needOne.add("7 (peak RSS is measured during 1)");
                case 9 -> needOne.add("9 (CPU per registration is measured during 1)");
                case 2, 3 -> {
                    if (!fixedRate) {
                        needOne.add(id + " (rate=half: half of the rate 1 measured in this run)");
                    }
                }
                case 6 -> needOne.add("6 (its baseline is 1 in this run)");
                default -> {
                }
            }
        }
        if (!needOne.isEmpty() && !selected.contains(1)) {
            runs.add(1);
            dependencies.add("scenario 1 runs too, needed by " + String.join(", ", needOne));
        }
        if (runs.contains(1)) {
            for (int id : new int[]{7, 9}) {
                if (runs.add(id)) {
                    dependencies.add("scenario " + id + " is measured too: it is measured during 1");
                }
            }
        }
        return new ScenarioSelection(false, selected, runs, dependencies);
    }

    private static String validIds() {
        StringBuilder ids = new StringBuilder();
        NAMES.keySet().forEach(id -> ids.append(ids.isEmpty() ? "" : ", ").append(id));
        return "valid ids: " + ids + " (comma-separated), or all";
    }

    /** Whether the scenario runs (selected, or needed by a selected one). */
    boolean runs(int id) {
        return runs.contains(id);
    }

    /** Whether seeding to N registrations runs: only scenarios 4, 5, 6 and 8 need the large store. */
    boolean seeding() {
        return runs(4) || runs(5) || runs(6) || runs(8);
    }

    /** Whether the raw-insert baseline (of scenarios 1 and 6) is prepared. */
    boolean rawInsertBaseline() {
        return runs(1) || runs(6);
    }

    boolean isAll() {
        return all;
    }

    SortedSet<Integer> selected() {
        return selected;
    }

    SortedSet<Integer> running() {
        return runs;
    }

    /** How the selection was widened, one sentence each, for the log; empty when nothing was added. */
    List<String> dependencies() {
        return dependencies;
    }

    /** For the report's config: {@code all}, or the selected ids, the ids that run and why. */
    Object describe() {
        if (all) {
            return "all";
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("selected", List.copyOf(selected));
        m.put("run", List.copyOf(runs));
        m.put("dependencies", dependencies);
        return m;
    }
}
