package com.leadledger.command.registration;

import com.leadledger.command.web.MoneyBody;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/registrations}, and one row of a registrations import. The partner comes from the token;
 * client timestamps are not accepted.
 */
@Schema(example = "{\"customer\": {\"legalName\": \"ООО «Ромашка»\", \"country\": \"RU\", \"taxId\": \"7707083893\", "
        + "\"domain\": \"romashka.ru\", \"region\": \"Moscow\"}, \"productLine\": \"NETWORK_SECURITY\", "
        + "\"estimatedValue\": {\"amount\": \"1250000.00\", \"currency\": \"RUB\"}, \"expectedCloseDate\": "
        + "\"2027-03-31\", \"description\": \"Firewall refresh for 12 branches\"}")
public record SubmitRegistrationRequest(
        @NotNull @Valid Customer customer,
        @NotBlank @Size(max = 64) String productLine,
        @NotNull @Valid MoneyBody estimatedValue,
        @NotNull LocalDate expectedCloseDate,
        @Size(max = 4000) String description) {

    public record Customer(
            @NotBlank @Size(max = 300) String legalName,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as RU")
            String country,
            @Size(max = 64) String taxId,
            @Size(max = 300) String domain,
            @Size(max = 200) String region) {
    }

    public SubmitRegistration toCommand(String registrationId, String partnerId) {
        return new SubmitRegistration(registrationId, partnerId,
                new SubmitRegistration.CustomerDetails(customer.legalName(), customer.country(), customer.taxId(),
                        customer.domain(), customer.region()),
                productLine, estimatedValue.toMoney(), expectedCloseDate, description);
    }
}
