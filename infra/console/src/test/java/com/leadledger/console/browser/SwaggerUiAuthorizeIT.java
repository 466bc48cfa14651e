package com.leadledger.console.browser;

import com.leadledger.localruntime.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;

/**
 * Swagger UI on the query service, in a real browser: "Try it out" without a token is refused with 401; after pasting
 * a token the launcher prints into the Authorize dialog, the same call answers 200. Swagger UI is one page: its
 * scripts handle every click in place.
 */
class SwaggerUiAuthorizeIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static final String NOTICES = "/api/v1/notices";
    private static final By STATUS = By.cssSelector(".live-responses-table tr.response .response-col_status");

    @Test
    void aLauncherTokenPastedIntoAuthorizeIsSentWithTheCallsSwaggerUiMakes() {
        String partnerToken = DevTokens.mint("partner-a", List.of("PARTNER"), "P-1001");
        try (Browser browser = new Browser(system.query.baseUrl(), "swagger-ui", "en")) {
            browser.open("/swagger-ui.html");
            // the operations appear once the page has the OpenAPI document, which the service builds on its first
            // request: seconds on a busy machine (it took over 10 s once in CI)
            browser.awaitVisible(By.cssSelector(".opblock-summary-path[data-path='" + NOTICES + "']"),
                    Duration.ofSeconds(60)).click();
            browser.clickInPage(By.cssSelector(".try-out__btn"));
            browser.clickInPage(By.cssSelector(".btn.execute"));
            browser.awaitTextStartingWith(STATUS, "401", Duration.ofSeconds(15)); // without a token

            browser.clickInPage(By.cssSelector(".auth-wrapper .authorize"));
            browser.type(By.cssSelector(".modal-ux input"), partnerToken);
            browser.clickInPage(By.cssSelector(".modal-ux .auth-btn-wrapper .authorize"));
            browser.clickInPage(By.cssSelector(".modal-ux .btn-done"));
            browser.screenshot("authorized");
            browser.clickInPage(By.cssSelector(".btn.execute"));
            browser.awaitTextStartingWith(STATUS, "200", Duration.ofSeconds(15));
            browser.screenshot("call-answered");
        }
    }

}
