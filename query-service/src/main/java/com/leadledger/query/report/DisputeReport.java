package com.leadledger.query.report;

import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Disputes opened in the period, per type and for all types: how many, how they stand as of the report's instant
 * (still open, upheld, dismissed by their latest ruling), the highest level each reached, how many were appealed (and
 * the share of ruled disputes that were), and the time from opening to the first ruling (median, p90, hours).
 */
final class DisputeReport {

    static final String ALL_TYPES = "ALL";

    @Schema(name = "DisputeReportRow")
    record Row(String type, long opened, long open, long upheld, long dismissed, long reachedLevel1,
               long reachedLevel2, long reachedLevel3, long appealed, BigDecimal appealRate,
               BigDecimal medianHoursToRuling, BigDecimal p90HoursToRuling) {
    }

    private DisputeReport() {
    }

    static List<Row> rows(ReportFacts facts, Period period) {
        List<DisputeFact> opened = facts.disputes().values().stream()
                .filter(d -> period.contains(d.openedAt())).toList();
        List<Row> rows = new ArrayList<>();
        for (DisputeType type : DisputeType.values()) {
            rows.add(row(type.name(), opened.stream().filter(d -> d.type() == type).toList()));
        }
        rows.add(row(ALL_TYPES, opened));
        return rows;
    }

    private static Row row(String type, List<DisputeFact> disputes) {
        List<DisputeFact> ruled = disputes.stream().filter(d -> d.firstRulingAt() != null).toList();
        List<BigDecimal> hours = ruled.stream()
                .map(d -> Statistics.hours(Duration.between(d.openedAt(), d.firstRulingAt()))).toList();
        long appealed = disputes.stream().filter(DisputeFact::appealed).count();
        return new Row(type, disputes.size(), disputes.size() - ruled.size(),
                count(disputes, DisputeOutcome.UPHELD), count(disputes, DisputeOutcome.DISMISSED),
                reached(disputes, 1), reached(disputes, 2), reached(disputes, 3),
                appealed, Statistics.share(appealed, ruled.size()),
                Statistics.scaled(Statistics.median(hours), Statistics.HOURS_SCALE),
                Statistics.scaled(Statistics.p90(hours), Statistics.HOURS_SCALE));
    }

    private static long count(List<DisputeFact> disputes, DisputeOutcome outcome) {
        return disputes.stream().filter(d -> Objects.equals(d.outcome(), outcome)).count();
    }

    private static long reached(List<DisputeFact> disputes, int level) {
        return disputes.stream().filter(d -> d.levelReached() == level).count();
    }
}
