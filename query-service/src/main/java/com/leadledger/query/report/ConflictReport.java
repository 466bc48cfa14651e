package com.leadledger.query.report;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How often registrations compete: per product line and month in which the opportunity received its first
 * registration (UTC), the opportunities opened in the period and how many of them have more than one registration
 * as of the report's instant.
 */
final class ConflictReport {

    /** One product line in one month. */
    @Schema(name = "ConflictReportRow")
    record Row(String productLine, String month, long opportunities, long contested, BigDecimal contestedShare) {
    }

    private ConflictReport() {
    }

    static List<Row> rows(ReportFacts facts, Period period) {
        Map<String, List<RegistrationFact>> byOpportunity = facts.registrations().values().stream()
                .collect(Collectors.groupingBy(RegistrationFact::opportunityId));
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        byOpportunity.values().forEach(registrations -> {
            RegistrationFact first = registrations.stream()
                    .min(Comparator.comparing(RegistrationFact::acceptedAt)).orElseThrow();
            if (!period.contains(first.acceptedAt())) {
                return;
            }
            String month = YearMonth.from(first.acceptedAt().atZone(ZoneOffset.UTC)).toString();
            long[] cell = counts.computeIfAbsent(first.productLine(), k -> new TreeMap<>())
                    .computeIfAbsent(month, k -> new long[2]);
            cell[0]++;
            if (registrations.size() > 1) {
                cell[1]++;
            }
        });
        return counts.entrySet().stream().flatMap(line -> line.getValue().entrySet().stream()
                        .map(month -> new Row(line.getKey(), month.getKey(), month.getValue()[0],
                                month.getValue()[1], Statistics.share(month.getValue()[1], month.getValue()[0]))))
                .toList();
    }
}
