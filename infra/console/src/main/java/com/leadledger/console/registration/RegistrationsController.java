package com.leadledger.console.registration;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.PolicyChoices;
import com.leadledger.console.api.Problem;
import com.leadledger.console.list.ListFilters;
import com.leadledger.console.list.ListReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A partner's own registrations: the dashboard, the submit form, one registration with its receipt. */
@Controller
@RequestMapping("/console/registrations")
class RegistrationsController {

    static final List<String> CURRENCIES = List.of("RUB", "USD", "EUR");
    static final List<String> STATUSES = List.of("SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN", "WON", "LOST",
            "EXPIRED", "REVOKED");
    static final List<String> SORTS = List.of("newest", "oldest");
    static final int PAGE_SIZE = 100;
    private static final ParameterizedTypeReference<Page<Registration>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;
    private final ListReader lists;
    private final JsonMapper json;
    private final PolicyChoices policy;

    RegistrationsController(LeadLedgerApi api, ListReader lists, JsonMapper json, PolicyChoices policy) {
        this.api = api;
        this.lists = lists;
        this.json = json;
        this.policy = policy;
    }

    /** The partner's registrations, a page at a time, filtered by status and product line, newest or oldest first. */
    @GetMapping
    String dashboard(@RequestParam(required = false) String status, @RequestParam(required = false) String productLine,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String size,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("productLine", productLine);
        filters.put("sort", sort);
        model.addAttribute("registrations", lists.read("/api/v1/registrations", filters, PAGE, PAGE_SIZE, request,
                response, model));
        List<ListFilters.Option> all = List.of(new ListFilters.Option("", "list.all"));
        model.addAttribute("filters", ListFilters.at("/console/registrations", "registrations-filters",
                        "registrations-apply", size)
                .choice("filter-status", "status", "field.status", status, all, STATUSES, "status.")
                .choice("filter-product-line", "productLine", "field.productLine", productLine, all,
                        policy.productLines(), "productLine.")
                .choice("sort", "sort", "list.sort", sort, List.of(), SORTS, "list.sort."));
        return "registrations";
    }

    @GetMapping("/new")
    String form(Model model) {
        return showForm(model, SubmissionForm.empty(), null);
    }

    @PostMapping("/new")
    String submit(@ModelAttribute("form") SubmissionForm form, Model model, HttpSession session,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Submission submitted = api.write("/api/v1/registrations", form.body(), form.idempotencyKey(),
                    Submission.class);
            SessionReceipts.keep(session, submitted.registrationId(),
                    submitted.receipt() == null ? null : json.writeValueAsString(submitted.receipt()));
            redirect.addFlashAttribute("submitted", submitted);
            return "redirect:/console/registrations/" + submitted.registrationId();
        } catch (ApiProblem refused) {
            response.setStatus(refused.problem().status());
            return showForm(model, form.withNewKey(), refused.problem());
        }
    }

    /**
     * One registration. Right after submitting, the query side may not have it yet: then the page shows what the
     * command service answered (this session holds its receipt) until a reload finds it.
     */
    @GetMapping("/{registrationId}")
    String registration(@PathVariable String registrationId, Model model, HttpSession session) {
        Optional<String> receipt = SessionReceipts.of(session, registrationId);
        try {
            model.addAttribute("registration", api.read("/api/v1/registrations/{id}", Registration.class,
                    registrationId));
        } catch (ApiProblem refused) {
            if (refused.problem().status() != 404 || receipt.isEmpty()) {
                throw refused;
            }
            model.addAttribute("pendingId", registrationId);
        }
        model.addAttribute("receipt", receipt
                .map(text -> json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text)))
                .orElse(null));
        return "registration";
    }

    /** The receipt file, from this session's own submissions only. */
    @GetMapping("/{registrationId}/receipt.json")
    ResponseEntity<String> receipt(@PathVariable String registrationId, HttpSession session) {
        return SessionReceipts.of(session, registrationId)
                .map(text -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("receipt-" + registrationId + ".json").build().toString())
                        .body(text))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String showForm(Model model, SubmissionForm form, Problem problem) {
        model.addAttribute("form", form);
        model.addAttribute("productLines", policy.productLines());
        model.addAttribute("currencies", CURRENCIES);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (problem != null) {
            problem.byField().forEach((field, message) ->
                    fieldErrors.merge(SubmissionForm.formField(field), message, (a, b) -> a + "; " + b));
        }
        model.addAttribute("problem", problem);
        model.addAttribute("fieldErrors", fieldErrors);
        return "registration-new";
    }
}
