package com.leadledger.console.report;

import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The five reports: the columns each page shows (in the API's order) and what its chart draws: which rows, under
 * which label, and which figure.
 */
public enum ReportKind {

    CONFLICTS("conflicts", List.of("productLine", "month", "opportunities", "contested", "contestedShare"),
            row -> true, row -> row.path("productLine").asText() + " " + row.path("month").asText(),
            "contestedShare"),
    DECISIONS("decisions", List.of("level", "decided", "approved", "rejected", "medianHoursToDecision",
            "p90HoursToDecision", "slaBreaches"),
            row -> !"ALL".equals(row.path("level").asText()), row -> row.path("level").asText(),
            "medianHoursToDecision"),
    DISPUTES("disputes", List.of("type", "opened", "open", "upheld", "dismissed", "reachedLevel1", "reachedLevel2",
            "reachedLevel3", "appealed", "appealRate", "medianHoursToRuling", "p90HoursToRuling"),
            row -> !"ALL".equals(row.path("type").asText()), row -> row.path("type").asText(), "opened"),
    SUPPORT("support", List.of("manager", "reasonCode", "moves", "withdrawals", "awayFromProtected"),
            row -> "ALL".equals(row.path("reasonCode").asText()) && !"ALL".equals(row.path("manager").asText()),
            row -> row.path("manager").asText(), "awayFromProtected"),
    PARTNERS("partners", List.of("partnerId", "name", "registrations", "approved", "rejected", "approvalRate", "won",
            "lost", "winRate", "penaltyPoints", "medianDaysBeforeClose", "earlyShare", "lastQuarter",
            "earlyShareTwoQuartersBefore", "earlySharePreviousQuarter", "earlyShareLastQuarter",
            "earlyRegistrationDrop", "dropAfterAdverseEvent"),
            row -> row.path("registrations").asLong() > 0, row -> row.path("name").asText(), "earlyShare");

    private final String path;
    private final List<String> columns;
    private final Predicate<JsonNode> charted;
    private final Function<JsonNode, String> label;
    private final String figure;

    ReportKind(String path, List<String> columns, Predicate<JsonNode> charted, Function<JsonNode, String> label,
               String figure) {
        this.path = path;
        this.columns = columns;
        this.charted = charted;
        this.label = label;
        this.figure = figure;
    }

    static Optional<ReportKind> of(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }

    public String path() {
        return path;
    }

    public List<String> columns() {
        return columns;
    }

    /** The column the chart draws. */
    public String figure() {
        return figure;
    }

    /** The table's cells, row by row, in column order; an absent figure is an empty cell. */
    List<List<String>> cells(List<JsonNode> rows) {
        return rows.stream().map(row -> columns.stream()
                .map(column -> row.path(column).isNull() || row.path(column).isMissingNode() ? ""
                        : row.path(column).asText()).toList()).toList();
    }

    BarChart chart(List<JsonNode> rows) {
        return BarChart.of(rows.stream().filter(charted).map(row -> new BarChart.Point(label.apply(row),
                row.path(figure).isNumber() ? row.path(figure).decimalValue() : null)).toList());
    }
}
