package com.leadledger.console.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessibility checks the browser tests rely on do fail: a console page given an image without a text
 * alternative and a button without a name (both critical under WCAG 2 A) is reported with the rules it breaks, and a
 * form control the Tab key cannot reach is reported too.
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

    @Test
    void aFormControlTheTabKeyCannotReachIsReported() {
        try (Browser browser = new Browser(system, "keyboard-check", "en")) {
            browser.open("/console/sign-in");
            assertThat(browser.formControlsTabDoesNotReach()).as("the page as the console renders it").isEmpty();

            browser.script("""
                    const form = document.createElement('form');
                    form.innerHTML = '<label for="mouse-only">Only by mouse</label>'
                        + '<input id="mouse-only" tabindex="-1">';
                    document.querySelector('main').append(form);""");

            assertThat(browser.formControlsTabDoesNotReach()).singleElement().asString().contains("mouse-only");
        }
    }
}
