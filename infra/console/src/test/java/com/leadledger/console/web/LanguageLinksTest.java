package com.leadledger.console.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class LanguageLinksTest {

    private final PageModel model = new PageModel();

    @Test
    void theSwitchKeepsThePagesFiltersSortAndPagingAndReplacesTheLanguage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/registrations");
        request.setQueryString("status=SUBMITTED&customer=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0&sort=oldest"
                + "&page=2&size=20&lang=ru");

        assertThat(model.languageLinks(request)).containsExactly(
                entry("en", "/console/registrations?status=SUBMITTED"
                        + "&customer=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0&sort=oldest&page=2&size=20&lang=en"),
                entry("ru", "/console/registrations?status=SUBMITTED"
                        + "&customer=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0&sort=oldest&page=2&size=20&lang=ru"));
    }

    @Test
    void aPageWithoutQueryGetsOnlyTheLanguage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/disputes");

        assertThat(model.languageLinks(request)).containsEntry("en", "/console/disputes?lang=en")
                .containsEntry("ru", "/console/disputes?lang=ru");
    }

    @Test
    void anErrorPageLeadsToThePathAskedFor() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/console/nowhere");

        assertThat(model.languageLinks(request)).containsEntry("ru", "/console/nowhere?lang=ru");
    }
}
