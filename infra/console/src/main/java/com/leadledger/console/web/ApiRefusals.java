package com.leadledger.console.web;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.signin.SignInExpired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal the page could not place next to a field: the API's status (403, 404, 409 …) becomes the page's, with its
 * problem shown; an expired sign-in leads back to the sign-in page. For the console's controllers only, and ahead of
 * the application's problem+json advice: any other failure of a page goes on to the console's error page.
 */
@ControllerAdvice(basePackages = "com.leadledger.console")
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiRefusals {

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(refusal.problem().status());
        model.addAttribute("problem", refusal.problem());
        model.addAttribute("languageLinks", PageModel.languageLinksOf(request));
        return "problem";
    }

    @ExceptionHandler(SignInExpired.class)
    String expired(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/console/sign-in?expired";
    }

    /** Not answered here: rethrown, the container shows the error page as it does for a page's failure. */
    @ExceptionHandler(Exception.class)
    void other(Exception failure) throws Exception {
        throw failure;
    }
}
