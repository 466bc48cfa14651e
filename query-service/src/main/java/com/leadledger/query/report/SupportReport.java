package com.leadledger.query.report;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Support taken away from a registration in the period (moved to another registration, or withdrawn): per manager
 * and justification, per manager over all justifications, per justification over all managers, and in total
 * ({@code ALL}); how many of them left a registration that was still protected.
 */
final class SupportReport {

    static final String ALL = "ALL";

    @Schema(name = "SupportReportRow")
    record Row(String manager, String reasonCode, long moves, long withdrawals, long awayFromProtected) {
    }

    private SupportReport() {
    }

    static List<Row> rows(ReportFacts facts, Period period) {
        List<SupportChange> changes = facts.supportChanges().stream().filter(c -> period.contains(c.at())).toList();
        List<Row> rows = new ArrayList<>();
        rows.addAll(grouped(changes, c -> new Group(c.manager(), c.reasonCode())));
        rows.addAll(grouped(changes, c -> new Group(c.manager(), ALL)));
        rows.addAll(grouped(changes, c -> new Group(ALL, c.reasonCode())));
        rows.add(row(ALL, ALL, changes));
        return rows;
    }

    private record Group(String manager, String reasonCode) {
        static final Comparator<Group> ORDER = Comparator.comparing(Group::manager).thenComparing(Group::reasonCode);
    }

    private static List<Row> grouped(List<SupportChange> changes, Function<SupportChange, Group> key) {
        Map<Group, List<SupportChange>> groups = new TreeMap<>(Group.ORDER);
        changes.forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        return groups.entrySet().stream()
                .map(group -> row(group.getKey().manager(), group.getKey().reasonCode(), group.getValue())).toList();
    }

    private static Row row(String manager, String reason, List<SupportChange> changes) {
        return new Row(manager, reason,
                changes.stream().filter(c -> c.kind() == SupportChange.Kind.MOVED).count(),
                changes.stream().filter(c -> c.kind() == SupportChange.Kind.WITHDRAWN).count(),
                changes.stream().filter(SupportChange::awayFromProtected).count());
    }
}
