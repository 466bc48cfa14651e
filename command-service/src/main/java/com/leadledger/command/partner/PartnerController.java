package com.leadledger.command.partner;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.policy.PolicyVersions;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.domain.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;

/** The partner registry (ADMIN): onboarding, tier, authorized product lines, suspension. */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    static final String PARTNER_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private final CommandGateway commands;
    private final PolicyVersions policies;

    PartnerController(CommandGateway commands, PolicyVersions policies) {
        this.commands = commands;
        this.policies = policies;
    }

    record OnboardRequest(
            @NotBlank @Pattern(regexp = PARTNER_ID, message = "must be 1-64 letters, digits, '-' or '_'") String partnerId,
            @NotBlank @Size(max = 200) String name,
            @NotNull PartnerTier tier,
            @NotEmpty @Size(max = 50) List<@NotBlank String> productLines,
            @Size(max = 500) String webhookUrl) {
    }

    record TierRequest(@NotNull PartnerTier tier) {
    }

    record ProductLinesRequest(@NotEmpty @Size(max = 50) List<@NotBlank String> productLines) {
    }

    record ReasonRequest(@Size(max = 2000) String reason, @Size(max = 2000) String note) {
    }

    record PartnerChanged(String partnerId, String change) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerChanged onboard(@Valid @RequestBody OnboardRequest body, Authentication auth, HttpServletRequest request) {
        List<String> lines = knownProductLines(body.productLines());
        String webhook = validWebhook(body.webhookUrl());
        send(new OnboardPartner(body.partnerId(), body.name().strip(), body.tier(), lines, webhook), auth, request);
        return new PartnerChanged(body.partnerId(), "ONBOARDED");
    }

    @PostMapping("/{partnerId}/tier")
    PartnerChanged tier(@PathVariable String partnerId, @Valid @RequestBody TierRequest body, Authentication auth,
                        HttpServletRequest request) {
        send(new ChangePartnerTier(partnerId, body.tier()), auth, request);
        return new PartnerChanged(partnerId, "TIER_CHANGED");
    }

    @PostMapping("/{partnerId}/product-lines")
    PartnerChanged productLines(@PathVariable String partnerId, @Valid @RequestBody ProductLinesRequest body,
                                Authentication auth, HttpServletRequest request) {
        send(new ChangePartnerProductLines(partnerId, knownProductLines(body.productLines())), auth, request);
        return new PartnerChanged(partnerId, "PRODUCT_LINES_CHANGED");
    }

    @PostMapping("/{partnerId}/suspend")
    PartnerChanged suspend(@PathVariable String partnerId, @Valid @RequestBody(required = false) ReasonRequest body,
                           Authentication auth, HttpServletRequest request) {
        send(new SuspendPartner(partnerId, body == null ? null : body.reason()), auth, request);
        return new PartnerChanged(partnerId, "SUSPENDED");
    }

    @PostMapping("/{partnerId}/reinstate")
    PartnerChanged reinstate(@PathVariable String partnerId, @Valid @RequestBody(required = false) ReasonRequest body,
                             Authentication auth, HttpServletRequest request) {
        send(new ReinstatePartner(partnerId, body == null ? null : body.note()), auth, request);
        return new PartnerChanged(partnerId, "REINSTATED");
    }

    private void send(Object command, Authentication auth, HttpServletRequest request) {
        commands.sendAndWait(CommandMetadata.command(command, Actor.from(auth), Role.ADMIN, request));
    }

    private List<String> knownProductLines(List<String> requested) {
        var catalogue = policies.inForce().policy().productLines().keySet();
        TreeSet<String> lines = new TreeSet<>(requested);
        List<String> unknown = lines.stream().filter(l -> !catalogue.contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.invalidFields("Unknown product lines " + unknown,
                    List.of(new FieldProblem("productLines", "must be among " + catalogue, "PRODUCT_LINE_UNKNOWN")));
        }
        return List.copyOf(lines);
    }

    private static String validWebhook(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw RuleViolation.invalidField("webhookUrl", "must be an absolute http(s) URL");
    }
}
