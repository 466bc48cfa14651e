package com.leadledger.command.registration.imports;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * Where an import stands: how many of its rows are decided, and a page of its rows in file order, each {@code PENDING},
 * {@code ACCEPTED} (with the registration id and its signed receipt) or {@code REFUSED} (with the problem's code and
 * failing fields, as a single submission would have answered).
 */
record ImportReport(String importId, String fileSha256, Instant createdAt, String status, int rows, int decided,
                    int accepted, int refused, int percentDone, RowPage items) {

    record RowPage(List<Row> items, int page, int size, long total) {
    }

    record Row(int row, String outcome, String registrationId, String opportunityId, Instant acceptedAt,
               JsonNode receipt, JsonNode problem) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ImportReport of(ImportStore.Job job, ImportStore.Counts counts, List<ImportStore.DecidedRow> rows,
                           int page, int size) {
        int decided = counts.accepted() + counts.refused();
        List<Row> items = rows.stream().map(r -> new Row(r.rowNumber(), r.outcome() == null ? "PENDING" : r.outcome(),
                        "ACCEPTED".equals(r.outcome()) ? r.registrationId() : null, r.opportunityId(), r.acceptedAt(),
                        tree(r.receipt()), tree(r.problem())))
                .toList();
        return new ImportReport(job.importId(), job.fileSha256(), job.createdAt(),
                decided == job.rowCount() ? "FINISHED" : "RUNNING", job.rowCount(), decided, counts.accepted(),
                counts.refused(), job.rowCount() == 0 ? 100 : decided * 100 / job.rowCount(),
                new RowPage(items, page, size, job.rowCount()));
    }

    private static JsonNode tree(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
