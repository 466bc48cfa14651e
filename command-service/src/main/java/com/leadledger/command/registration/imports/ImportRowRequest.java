package com.leadledger.command.registration.imports;

import com.leadledger.command.registration.SubmitRegistrationRequest;
import com.leadledger.command.web.MoneyBody;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request one row of an import file makes: the documented columns, and how a row's cells become the body of a
 * single submission (the same record the JSON endpoint binds, so the same field checks apply): {@code legalName}, {@code country}, {@code taxId},
 * {@code domain}, {@code region} are the customer's; {@code amount} and {@code currency} the estimated value. An empty
 * cell is an absent value.
 */
final class ImportRowRequest {

    static final List<String> REQUIRED = List.of("legalName", "country", "productLine", "amount", "currency",
            "expectedCloseDate");
    static final List<String> ALL = List.of("legalName", "country", "taxId", "domain", "region", "productLine",
            "amount", "currency", "expectedCloseDate", "description");

    private ImportRowRequest() {
    }

    /** The submission a row asks for, or empty when its close date is not a date (see {@link #closeDateProblem}). */
    static Optional<SubmitRegistrationRequest> request(Map<String, String> cells) {
        LocalDate close;
        try {
            close = cell(cells, "expectedCloseDate") == null ? null : LocalDate.parse(cell(cells, "expectedCloseDate"));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new SubmitRegistrationRequest(
                new SubmitRegistrationRequest.Customer(cell(cells, "legalName"), cell(cells, "country"),
                        cell(cells, "taxId"), cell(cells, "domain"), cell(cells, "region")),
                cell(cells, "productLine"),
                new MoneyBody(cell(cells, "amount"), cell(cells, "currency")),
                close,
                cell(cells, "description")));
    }

    static final String CLOSE_DATE_FIELD = "expectedCloseDate";
    static final String CLOSE_DATE_PROBLEM = "must be a date such as 2027-03-31";

    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
