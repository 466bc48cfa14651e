package com.leadledger.console.web;

import com.leadledger.console.signin.ConsoleUser;
import com.leadledger.console.signin.ConsoleUsers;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Where the language switch leads, per language: this page with its own query (filters, sort, paging) and the
     * language asked for; on an error page, the path asked for.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return languageLinksOf(request);
    }

    /** The same for a page an exception handler renders, whose model gets no {@code @ModelAttribute}. */
    static Map<String, String> languageLinksOf(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        UriComponentsBuilder page = failed instanceof String path ? UriComponentsBuilder.fromPath(path)
                : UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : List.of("en", "ru")) {
            // the query is kept as the browser encoded it: building without encoding only concatenates
            links.put(language, page.cloneBuilder().replaceQueryParam("lang", language).build().toUriString());
        }
        return links;
    }
}
