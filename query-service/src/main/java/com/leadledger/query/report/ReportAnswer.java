package com.leadledger.query.report;

import java.time.Instant;
import java.util.List;

/**
 * A report as the API answers it: which report, the period it covers ({@code from} inclusive, {@code to}
 * exclusive), the instant it was computed as of, and its rows. As CSV ({@code Accept: text/csv}) the rows are the
 * CSV rows and the rest travels in {@code X-Report-*} headers.
 */
public record ReportAnswer<R>(String report, Instant from, Instant to, Instant asOf, List<R> rows) {

    static <R> ReportAnswer<R> of(String report, Period period, List<R> rows) {
        return new ReportAnswer<>(report, period.from(), period.to(), period.asOf(), List.copyOf(rows));
    }
}
