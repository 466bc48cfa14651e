package com.leadledger.console.web;

import com.leadledger.console.signin.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The start page leads each user to their own work: partners to their registrations, staff to the review queue,
 * admins to the partner registry, auditors to the search.
 */
@Controller
class HomeController {

    @GetMapping({"/console", "/console/"})
    String home(@ModelAttribute("user") ConsoleUser user) {
        if (user != null && user.isPartner()) {
            return "redirect:/console/registrations";
        }
        if (user != null && user.isStaff()) {
            return "redirect:/console/review";
        }
        if (user != null && user.roles().contains("ADMIN")) {
            return "redirect:/console/admin/partners";
        }
        if (user != null && user.roles().contains("AUDITOR")) {
            return "redirect:/console/audit";
        }
        return "home";
    }
}
