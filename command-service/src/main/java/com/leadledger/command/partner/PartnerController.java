package com.leadledger.command.partner;

import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The partner registry (ADMIN): onboarding, tier, authorized product lines, suspension. */
@Tag(name = "partners")
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    static final String PARTNER_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    /** A tier name as policies define them; whether the policy in force has it is a rule of the command handler. */
    static final String TIER = "[A-Z][A-Z0-9_]{1,31}";
    static final String TIER_MESSAGE = "must be a tier name of the policy in force (upper-case letters, digits, '_')";

    private final HttpCommands commands;

    PartnerController(HttpCommands commands) {
        this.commands = commands;
    }

    @Schema(example = "{\"partnerId\": \"P-2001\", \"name\": \"Integrator LLC\", \"tier\": \"SILVER\", "
            + "\"productLines\": [\"NETWORK_SECURITY\", \"COLLABORATION\"], \"webhookUrl\": "
            + "\"https://crm.integrator.example/leadledger\"}")
    record OnboardRequest(
            @NotBlank @Pattern(regexp = PARTNER_ID, message = "must be 1-64 letters, digits, '-' or '_'") String partnerId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = TIER, message = TIER_MESSAGE) @Schema(example = "SILVER") String tier,
            @NotEmpty @Size(max = 50) List<@NotBlank String> productLines,
            @Size(max = 500) String webhookUrl) {
    }

    @Schema(example = "{\"tier\": \"GOLD\"}")
    record TierRequest(@NotBlank @Pattern(regexp = TIER, message = TIER_MESSAGE) @Schema(example = "GOLD") String tier) {
    }

    @Schema(example = "{\"productLines\": [\"NETWORK_SECURITY\", \"DATA_CENTER\"]}")
    record ProductLinesRequest(@NotEmpty @Size(max = 50) List<@NotBlank String> productLines) {
    }

    @Schema(example = "{\"reason\": \"Contract under review\"}")
    record ReasonRequest(@Size(max = 2000) String reason, @Size(max = 2000) String note) {
    }

    record PartnerChanged(String partnerId, String change) {
    }

    @Operation(operationId = "onboardPartner", summary = "Onboard a partner",
            description = "Adds a partner with its tier and authorized product lines. Role: ADMIN.")
    @ProblemCodes(status = 400, value = {"TIER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"PARTNER_EXISTS"})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerChanged onboard(@Valid @RequestBody OnboardRequest body, Authentication auth, HttpServletRequest request) {
        send(new OnboardPartner(body.partnerId(), body.name().strip(), PartnerTier.of(body.tier()),
                body.productLines(),
                body.webhookUrl()), auth, request);
        return new PartnerChanged(body.partnerId(), "ONBOARDED");
    }

    @Operation(operationId = "changePartnerTier", summary = "Change a partner's tier",
            description = "Moves the partner to another tier of the policy in force (a tier the policy does not "
                    + "define is refused with TIER_UNKNOWN). Role: ADMIN.")
    @ProblemCodes(status = 400, value = {"TIER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"NO_CHANGE"})
    @PostMapping("/{partnerId}/tier")
    PartnerChanged tier(@PathVariable String partnerId, @Valid @RequestBody TierRequest body, Authentication auth,
                        HttpServletRequest request) {
        send(new ChangePartnerTier(partnerId, PartnerTier.of(body.tier())), auth, request);
        return new PartnerChanged(partnerId, "TIER_CHANGED");
    }

    @Operation(operationId = "changePartnerProductLines", summary = "Change a partner's product lines",
            description = "Replaces the product lines the partner may register. Role: ADMIN.")
    @ProblemCodes(status = 409, value = {"NO_CHANGE"})
    @PostMapping("/{partnerId}/product-lines")
    PartnerChanged productLines(@PathVariable String partnerId, @Valid @RequestBody ProductLinesRequest body,
                                Authentication auth, HttpServletRequest request) {
        send(new ChangePartnerProductLines(partnerId, body.productLines()), auth, request);
        return new PartnerChanged(partnerId, "PRODUCT_LINES_CHANGED");
    }

    @Operation(operationId = "suspendPartner", summary = "Suspend a partner",
            description = "A suspended partner cannot register. Role: ADMIN.")
    @ProblemCodes(status = 409, value = {"PARTNER_SUSPENDED"})
    @PostMapping("/{partnerId}/suspend")
    PartnerChanged suspend(@PathVariable String partnerId, @Valid @RequestBody(required = false) ReasonRequest body,
                           Authentication auth, HttpServletRequest request) {
        send(new SuspendPartner(partnerId, body == null ? null : body.reason()), auth, request);
        return new PartnerChanged(partnerId, "SUSPENDED");
    }

    @Operation(operationId = "reinstatePartner", summary = "Reinstate a partner",
            description = "Lifts a suspension. Role: ADMIN.")
    @ProblemCodes(status = 409, value = {"PARTNER_ACTIVE"})
    @PostMapping("/{partnerId}/reinstate")
    PartnerChanged reinstate(@PathVariable String partnerId, @Valid @RequestBody(required = false) ReasonRequest body,
                             Authentication auth, HttpServletRequest request) {
        send(new ReinstatePartner(partnerId, body == null ? null : body.note()), auth, request);
        return new PartnerChanged(partnerId, "REINSTATED");
    }

    private void send(Object command, Authentication auth, HttpServletRequest request) {
        commands.send(command, Actor.from(auth), Role.ADMIN, request);
    }
}
