package com.leadledger.console.report;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** A report as the query API answers it ({@code GET /api/v1/reports/{report}}). */
public record Report(String report, Instant from, Instant to, Instant asOf, List<JsonNode> rows) {
}
