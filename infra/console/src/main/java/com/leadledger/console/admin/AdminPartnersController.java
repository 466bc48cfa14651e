package com.leadledger.console.admin;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.PolicyChoices;
import com.leadledger.console.list.ListFilters;
import com.leadledger.console.list.ListReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The partner registry for admins: the list with the onboarding form, one partner with its tier, product lines and
 * suspension. Reads come from the query service (staff and auditors may read them too, as the API allows); every
 * change goes through the command service, which lets only ADMIN make it.
 */
@Controller
@RequestMapping("/console/admin/partners")
class AdminPartnersController {

    private static final ParameterizedTypeReference<Page<AdminPartner>> PAGE = new ParameterizedTypeReference<>() {
    };

    static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED");
    static final int PAGE_SIZE = 200;

    private final LeadLedgerApi api;
    private final ListReader lists;
    private final PolicyChoices policy;

    AdminPartnersController(LeadLedgerApi api, ListReader lists, PolicyChoices policy) {
        this.api = api;
        this.lists = lists;
        this.policy = policy;
    }

    record Changed(String partnerId, String change, String eventId) {
    }

    /** A page of the registry, by name, of one status or all (the API takes no other filter or sort). */
    @GetMapping
    String partners(@RequestParam(required = false) String status, @RequestParam(required = false) String size,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        model.addAttribute("partners", lists.read("/api/v1/partners", filters, PAGE, PAGE_SIZE, request, response,
                model));
        model.addAttribute("filters", ListFilters.at("/console/admin/partners", "partners-filters",
                        "partners-apply", size)
                .choice("filter-partner-status", "status", "field.status", status,
                        List.of(new ListFilters.Option("", "list.all")), STATUSES, "partnerStatus."));
        choices(model);
        return "admin-partners";
    }

    @GetMapping("/{partnerId}")
    String partner(@PathVariable String partnerId, Model model) {
        model.addAttribute("partner", api.read("/api/v1/partners/{id}", AdminPartner.class, partnerId));
        choices(model);
        return "admin-partner";
    }

    @PostMapping
    String onboard(@RequestParam String partnerId, @RequestParam String name, @RequestParam String tier,
                   @RequestParam(required = false) List<String> productLines, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId.strip());
        body.put("name", name.strip());
        body.put("tier", tier);
        body.put("productLines", productLines == null ? List.of() : productLines);
        redirect.addFlashAttribute("change", send(partnerId.strip(),
                () -> api.write("/api/v1/partners", body, null, Changed.class)));
        return "redirect:/console/admin/partners";
    }

    @PostMapping("/{partnerId}/tier")
    String tier(@PathVariable String partnerId, @RequestParam String tier, RedirectAttributes redirect) {
        return changed(partnerId, redirect, () -> api.write("/api/v1/partners/{id}/tier", Map.of("tier", tier), null,
                Changed.class, partnerId));
    }

    @PostMapping("/{partnerId}/product-lines")
    String productLines(@PathVariable String partnerId, @RequestParam(required = false) List<String> productLines,
                        RedirectAttributes redirect) {
        Map<String, Object> body = Map.of("productLines", productLines == null ? List.of() : productLines);
        return changed(partnerId, redirect, () -> api.write("/api/v1/partners/{id}/product-lines", body, null,
                Changed.class, partnerId));
    }

    @PostMapping("/{partnerId}/suspend")
    String suspend(@PathVariable String partnerId, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        return changed(partnerId, redirect, () -> api.write("/api/v1/partners/{id}/suspend",
                text("reason", reason), null, Changed.class, partnerId));
    }

    @PostMapping("/{partnerId}/reinstate")
    String reinstate(@PathVariable String partnerId, @RequestParam(required = false) String note,
                     RedirectAttributes redirect) {
        return changed(partnerId, redirect, () -> api.write("/api/v1/partners/{id}/reinstate", text("note", note),
                null, Changed.class, partnerId));
    }

    private String changed(String partnerId, RedirectAttributes redirect, Supplier<Changed> call) {
        redirect.addFlashAttribute("change", send(partnerId, call));
        return "redirect:/console/admin/partners/" + partnerId;
    }

    /** A refused change is shown on the page; a role that may not make it gets the API's 403 (or 404) instead. */
    private static PartnerChange send(String partnerId, Supplier<Changed> call) {
        try {
            Changed changed = call.get();
            return PartnerChange.done(changed.partnerId(), changed.change(), changed.eventId());
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            return PartnerChange.refused(partnerId, refused.problem());
        }
    }

    private static Map<String, Object> text(String name, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
        return body;
    }

    private void choices(Model model) {
        model.addAttribute("tiers", policy.tiers());
        model.addAttribute("productLines", policy.productLines());
    }
}
