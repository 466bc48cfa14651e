package com.leadledger.query.report;

import com.leadledger.events.registration.RegistrationStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How fast registrations are reviewed: per review level (1 channel manager, 2 director, 3 committee) and for all
 * levels, the reviews decided in the period, the time from submission to decision (median, p90, hours), and the
 * review SLAs breached in the period at that level (each breach escalated the review one level up).
 */
final class DecisionReport {

    static final String ALL_LEVELS = "ALL";
    static final int LEVELS = 3;

    @Schema(name = "DecisionReportRow")
    record Row(String level, long decided, long approved, long rejected, BigDecimal medianHoursToDecision,
               BigDecimal p90HoursToDecision, long slaBreaches) {
    }

    private DecisionReport() {
    }

    static List<Row> rows(ReportFacts facts, Period period) {
        List<RegistrationFact> decided = facts.registrations().values().stream()
                .filter(r -> period.contains(r.decidedAt())).toList();
        List<ReviewEscalation> breaches = facts.escalations().stream().filter(e -> period.contains(e.at())).toList();
        List<Row> rows = new ArrayList<>();
        for (int level = 1; level <= LEVELS; level++) {
            int at = level;
            rows.add(row(Integer.toString(level), decided, r -> r.levelAtDecision() == at,
                    breaches.stream().filter(e -> e.fromLevel() == at).count()));
        }
        rows.add(row(ALL_LEVELS, decided, r -> true, breaches.size()));
        return rows;
    }

    private static Row row(String level, List<RegistrationFact> decided, Predicate<RegistrationFact> atLevel,
                           long breaches) {
        List<RegistrationFact> these = decided.stream().filter(atLevel).toList();
        List<BigDecimal> hours = these.stream()
                .map(r -> Statistics.hours(Duration.between(r.acceptedAt(), r.decidedAt()))).toList();
        return new Row(level, these.size(),
                these.stream().filter(r -> r.decision() == RegistrationStatus.APPROVED).count(),
                these.stream().filter(r -> r.decision() == RegistrationStatus.REJECTED).count(),
                Statistics.scaled(Statistics.median(hours), Statistics.HOURS_SCALE),
                Statistics.scaled(Statistics.p90(hours), Statistics.HOURS_SCALE), breaches);
    }
}
