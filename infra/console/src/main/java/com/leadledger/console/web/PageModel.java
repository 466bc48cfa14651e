package com.leadledger.console.web;

import com.leadledger.console.signin.ConsoleUser;
import com.leadledger.console.signin.ConsoleUsers;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header needs: who is signed in, and where the language switch leads. For the console's controllers
 * and the error page, not the rest of the application.
 */
@ControllerAdvice(basePackages = "com.leadledger.console", assignableTypes = ErrorController.class)
class PageModel {

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return ConsoleUsers.of(authentication).orElse(null);
    }

    /** The page the language switch reloads (with {@code lang}): this one, or on an error page the one asked for. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed instanceof String path ? path : request.getRequestURI();
    }
}
