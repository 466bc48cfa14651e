package com.leadledger.console.browser;

import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step of the registration story with the keyboard alone: no click, only Tab, Shift+Tab, Enter, Space and
 * typing. A partner signs in, reaches the submit form, fills it and sends it; the manager signs in and approves the
 * registration from the queue; the admin onboards a partner. Each element reached shows a visible focus indicator.
 */
class KeyboardOnlyIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static final int MOST_TABS = 120;

    @Test
    void aPartnerRegistersAndTheManagerApprovesWithTheKeyboardAlone() {
        try (Browser partner = new Browser(system, "keyboard-partner", "en");
             Browser manager = new Browser(system, "keyboard-manager", "en")) {
            partner.open("/console/sign-in");
            tabTo(partner, "sign-in-PARTNER_A");
            partner.pressAndLoad(Keys.ENTER);
            assertThat(partner.path()).isEqualTo("/console/registrations");

            tabTo(partner, "nav-new");
            partner.pressAndLoad(Keys.ENTER);
            assertThat(partner.path()).isEqualTo("/console/registrations/new");
            String inn = Inns.random();
            tabTo(partner, "legalName");
            partner.press("OOO Klaviatura " + inn, Keys.TAB, "RU", Keys.TAB, inn);
            tabTo(partner, "productLine");
            partner.press("Network");
            tabTo(partner, "amount");
            partner.press("1250000");
            partner.pressShiftTab(); // back to the product line: still the one chosen
            assertThat(partner.focused().getAttribute("id")).isEqualTo("productLine");
            assertThat(new Select(partner.focused()).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("NETWORK_SECURITY");
            LocalDate close = LocalDate.now().plusDays(90);
            tabTo(partner, "expectedCloseDate"); // en-US: month, day, year
            partner.press("%02d%02d%04d".formatted(close.getMonthValue(), close.getDayOfMonth(), close.getYear()));
            assertThat(partner.focused().getAttribute("value")).isEqualTo(close.toString());
            tabTo(partner, "submit-registration");
            partner.pressAndLoad(Keys.SPACE);
            String registration = partner.find(By.id("registration-id")).getText();
            assertThat(registration).isNotBlank();
            partner.screenshot("submitted");

            manager.open("/console/sign-in");
            tabTo(manager, "sign-in-MANAGER");
            manager.pressAndLoad(Keys.ENTER);
            manager.reloadUntil(() -> manager.has(By.id("item-" + registration)));
            tabTo(manager, "discount-" + registration);
            manager.press("10");
            tabTo(manager, null, "#item-" + registration + " .approve-button");
            manager.pressAndLoad(Keys.ENTER);
            assertThat(manager.find(By.cssSelector(".decision[data-registration-id='" + registration + "']")).getText())
                    .contains(registration, "approved");
            manager.screenshot("approved");
        }
    }

    @Test
    void theAdminOnboardsAPartnerWithTheKeyboardAlone() {
        try (Browser admin = new Browser(system, "keyboard-admin", "en")) {
            admin.open("/console/sign-in");
            tabTo(admin, "sign-in-ADMIN");
            admin.pressAndLoad(Keys.ENTER);
            assertThat(admin.path()).isEqualTo("/console/admin/partners");

            String partnerId = "P-KBD-" + UUID.randomUUID().toString().substring(0, 8);
            tabTo(admin, "onboard-partnerId");
            admin.press(partnerId, Keys.TAB, "Keyboard " + partnerId);
            tabTo(admin, "onboard-tier");
            admin.press("Gold");
            tabTo(admin, "onboard-line-COLLABORATION");
            admin.press(Keys.SPACE);
            assertThat(admin.focused().isSelected()).as("Space ticks the checkbox").isTrue();
            tabTo(admin, "onboard");
            admin.pressAndLoad(Keys.ENTER);
            assertThat(admin.find(By.id("change")).getText()).contains(partnerId, "onboarded");
            admin.reloadUntil(() -> admin.has(By.id("partner-" + partnerId)));
            assertThat(admin.find(By.cssSelector("#partner-" + partnerId + " .tier")).getText()).isEqualTo("Gold");
        }
    }

    private static void tabTo(Browser browser, String id) {
        tabTo(browser, id, "#" + id);
    }

    /**
     * Presses Tab until the element ({@code id}, else the one {@code selector} finds) has the focus, and asserts that
     * the focus is visible on it: an outline or a box shadow.
     */
    private static void tabTo(Browser browser, String id, String selector) {
        WebElement target = browser.find(By.cssSelector(selector));
        for (int i = 0; i < MOST_TABS && !target.equals(browser.focused()); i++) {
            browser.press(Keys.TAB);
        }
        assertThat(browser.focused()).as("Tab reaches " + (id != null ? id : selector)).isEqualTo(target);
        boolean outline = !"none".equals(browser.style(target, "outline-style"))
                && !browser.style(target, "outline-width").startsWith("0");
        boolean shadow = !"none".equals(browser.style(target, "box-shadow"));
        assertThat(outline || shadow).as("a visible focus indicator on " + selector).isTrue();
    }
}
