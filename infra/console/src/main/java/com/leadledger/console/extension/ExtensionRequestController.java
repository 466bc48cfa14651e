package com.leadledger.console.extension;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Problem;
import com.leadledger.console.api.RecordedEvent;
import com.leadledger.console.registration.Registration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partner asks for more protection time for its own registration. The page reads the registration as the API shows
 * it to the user (another partner's is 404) and states the policy's rule; the API decides, and its problem is shown
 * at the top and next to the field it concerns. An accepted request leads back to the registration, which shows it
 * pending until staff grant or refuse it in {@link ExtensionQueueController}.
 */
@Controller
@RequestMapping("/console/registrations/{registrationId}/extension")
class ExtensionRequestController {

    private final LeadLedgerApi api;

    ExtensionRequestController(LeadLedgerApi api) {
        this.api = api;
    }

    record PolicyVersion(long version, Policy policy) {
    }

    record Policy(Rule extension) {
    }

    record Rule(int maxCount, int maxDays) {
    }

    @GetMapping
    String form(@PathVariable String registrationId, Model model) {
        model.addAttribute("registration", api.read("/api/v1/registrations/{id}", Registration.class,
                registrationId));
        PolicyVersion current = api.readCommand("/api/v1/policies/current", PolicyVersion.class);
        if (current.policy() != null && current.policy().extension() != null) {
            Rule rule = current.policy().extension();
            model.addAttribute("rule", new ExtensionRule(rule.maxCount(), rule.maxDays(), current.version()));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ExtensionRequestForm.empty());
        }
        Problem problem = (Problem) model.getAttribute("problem");
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (problem != null) {
            fieldErrors.putAll(problem.byField());
            String field = ExtensionRequestForm.fieldOf(problem.code());
            if (field != null) {
                fieldErrors.merge(field, problem.summary(), (a, b) -> a + "; " + b);
            }
        }
        model.addAttribute("fieldErrors", fieldErrors);
        return "extension-request";
    }

    @PostMapping
    String request(@PathVariable String registrationId, @ModelAttribute ExtensionRequestForm form,
                   RedirectAttributes redirect) {
        try {
            Map<?, ?> answer = api.write("/api/v1/registrations/{id}/extension-requests", form.body(),
                    form.idempotencyKey(), Map.class, registrationId);
            redirect.addFlashAttribute("extensionRequested",
                    new ExtensionRequested(form.days(), RecordedEvent.idIn(answer)));
            return "redirect:/console/registrations/" + registrationId;
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            redirect.addFlashAttribute("form", form.withNewKey());
            redirect.addFlashAttribute("problem", refused.problem());
            return "redirect:/console/registrations/" + registrationId + "/extension";
        }
    }
}
