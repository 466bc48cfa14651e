package com.leadledger.console.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessibility check every browser test relies on does fail: a console page given an image without a text
 * alternative and a button without a name (both critical under WCAG 2 A) is reported with the rules it breaks.
 */
class AccessibilityCheckIT {

    private static final ConsoleSystem system = ConsoleSystem.get();

    @Test
    void aSeriousOrCriticalViolationFailsTheTestWithTheRuleAndTheElement() {
        try (Browser browser = new Browser(system, "a11y-check", "en")) {
            browser.open("/console/sign-in"); // passes: the page as the console renders it

            browser.script("""
                    const image = document.createElement('img');
                    image.id = 'no-alt'; image.src = '/console/static/css/console.css';
                    const button = document.createElement('button');
                    button.id = 'no-name';
                    document.querySelector('main').append(image, button);""");

            assertThatThrownBy(browser::checkAccessibility)
                    .hasMessageContaining("image-alt").hasMessageContaining("#no-alt")
                    .hasMessageContaining("button-name").hasMessageContaining("#no-name")
                    .hasMessageContaining("/console/sign-in");
        }
    }
}
