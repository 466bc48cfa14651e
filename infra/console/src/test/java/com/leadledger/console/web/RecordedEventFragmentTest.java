package com.leadledger.console.web;

import com.leadledger.console.signin.ConsoleUser;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fragments.html :: recordedEvent(eventId, aggregateId)}: every state change shows its event id; the vendor's
 * people also get the link to the event in the auditors' history of the aggregate it changed (the page answers 403 to
 * a role the audit API refuses), partners never.
 */
class RecordedEventFragmentTest {

    private static final String EVENT = "5f0c6a2e-8d7b-4f55-9a51-3c1d2b7e9f10";
    private static final String DISPUTE = "a0c1d2e3-0000-4000-8000-000000000001";

    private final SpringTemplateEngine engine = engine();

    @Test
    void theVendorsPeopleSeeTheIdAndTheLinkToTheEventInItsAggregatesHistory() {
        for (String role : new String[] {"CHANNEL_DIRECTOR", "ADMIN", "AUDITOR"}) {
            String html = render(user(role, null), EVENT, DISPUTE);

            assertThat(html).as(role).contains("<code class=\"event-id\">" + EVENT + "</code>")
                    .containsPattern("<a class=\"audit-entry\"\\s+href=\"/console/audit/history/" + DISPUTE
                            + "\\?event=" + EVENT + "#event-" + EVENT + "\">Audit entry</a>");
        }
    }

    @Test
    void aPartnerSeesTheIdWithoutTheLink() {
        String html = render(user("PARTNER", "P-1001"), EVENT, DISPUTE);

        assertThat(html).contains(EVENT).doesNotContain("audit-entry").doesNotContain("/console/audit/");
    }

    @Test
    void withoutTheAggregateThereIsNoLinkAndWithoutAnEventNothingAtAll() {
        assertThat(render(user("AUDITOR", null), EVENT, null)).contains(EVENT).doesNotContain("audit-entry");
        assertThat(render(user("AUDITOR", null), null, DISPUTE)).doesNotContain("recorded-event");
    }

    private static ConsoleUser user(String role, String partnerId) {
        return new ConsoleUser("someone", "Someone", Set.of(role), partnerId);
    }

    private String render(ConsoleUser user, String eventId, String aggregateId) {
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/console/x");
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        Map<String, Object> variables = new HashMap<>();
        variables.put("user", user);
        variables.put("eventId", eventId);
        variables.put("aggregateId", aggregateId);
        return engine.process(new TemplateSpec("fragments", Set.of("recordedEvent"), TemplateMode.HTML, null),
                new WebContext(exchange, Locale.ENGLISH, variables));
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
