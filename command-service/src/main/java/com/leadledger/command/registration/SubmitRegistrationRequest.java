package com.leadledger.command.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/registrations}. The partner comes from the token; client timestamps are not accepted. */
record SubmitRegistrationRequest(
        @NotNull @Valid Customer customer,
        @NotBlank @Size(max = 64) String productLine,
        @NotNull @Valid Amount estimatedValue,
        @NotNull LocalDate expectedCloseDate,
        @Size(max = 4000) String description) {

    record Customer(
            @NotBlank @Size(max = 300) String legalName,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as RU")
            String country,
            @Size(max = 64) String taxId,
            @Size(max = 300) String domain,
            @Size(max = 200) String region) {
    }

    record Amount(
            @NotBlank @Pattern(regexp = "\\d{1,15}(\\.\\d{1,2})?", message = "must be a decimal string such as 1250000.00")
            String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as RUB") String currency) {
    }
}
