package com.leadledger.console.browser;

import com.leadledger.localruntime.DemoIdentity;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every form of the console filled in and sent with the keyboard alone: no click, only Tab, Shift+Tab, the arrow keys,
 * Enter, Space and typing (a file is chosen by typing its path into the focused file input, as the file chooser
 * would take it). Each element reached shows a visible focus indicator, and each form's result is checked. One
 * browser goes through the story, signing in and out as each user with the keyboard:
 *
 * <table>
 *   <caption>The console's forms and where they are sent here</caption>
 *   <tr><th>page</th><th>form</th><th>test</th></tr>
 *   <tr><td>sign-in</td><td>a demo identity</td><td>every step</td></tr>
 *   <tr><td>every page</td><td>sign out</td><td>every step</td></tr>
 *   <tr><td>registrations/new</td><td>submit</td><td>{@link #aPartnerRegistersADeal}</td></tr>
 *   <tr><td>review</td><td>approve, reject</td><td>{@link #theManagerApprovesOneAndRejectsAnother}</td></tr>
 *   <tr><td>registrations/{id}/extension</td><td>extension request</td><td>{@link #thePartnerAsksForMoreProtectionAndComplains}</td></tr>
 *   <tr><td>disputes/new, disputes/{id}</td><td>complaint, evidence, escalate</td><td>{@link #thePartnerAsksForMoreProtectionAndComplains}</td></tr>
 *   <tr><td>extensions</td><td>grant, refuse</td><td>{@link #theManagerDecidesExtensionsSupportAndTheDispute}</td></tr>
 *   <tr><td>opportunities/{id}</td><td>customer preference, support decision</td><td>{@link #theManagerDecidesExtensionsSupportAndTheDispute}</td></tr>
 *   <tr><td>arbitration, arbitration/{id}</td><td>queue filter, respondent, escalate</td><td>{@link #theManagerDecidesExtensionsSupportAndTheDispute}</td></tr>
 *   <tr><td>arbitration/{id}, ruling confirmation</td><td>assign, ruling, send the ruling</td><td>{@link #theCommitteeRules}</td></tr>
 *   <tr><td>disputes/{id}</td><td>appeal</td><td>{@link #thePartnerAppeals}</td></tr>
 *   <tr><td>audit, audit/opportunities/{id}, audit/integrity, audit/receipt</td><td>search, time slider, verify one, verify all, receipt</td><td>{@link #theAuditorSearchesSlidesVerifiesAndChecksTheReceipt}</td></tr>
 *   <tr><td>admin/partners, admin/partners/{id}</td><td>onboard, tier, product lines, suspend, reinstate</td><td>{@link #theAdminOnboardsAndChangesAPartner}</td></tr>
 *   <tr><td>admin/policies, admin/dead-letters, admin/dead-letters/{id}, admin/rebuild</td><td>compare, status filter, retry, discard, rebuild</td><td>{@link #theAdminComparesPoliciesWorksADeadLetterAndRebuilds}</td></tr>
 * </table>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyboardOnlyIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static final int MOST_TABS = 200;
    private static final Duration QUERY_SIDE = Duration.ofSeconds(30);

    private static Browser browser;
    /** What the story's steps pass on to the later ones. */
    private static String inn;
    private static String registration;
    private static String opportunity;
    private static String receipt;
    private static String rejected;
    private static String dispute;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser(system, "keyboard", "en");
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void aPartnerRegistersADeal() {
        signIn("PARTNER_A");
        assertThat(browser.path()).isEqualTo("/console/registrations");

        tabTo("nav-new");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/console/registrations/new");
        inn = Inns.random();
        tabTo("legalName");
        browser.press("OOO Klaviatura " + inn, Keys.TAB, "RU", Keys.TAB, inn);
        tabTo("productLine");
        browser.press("Network");
        tabTo("amount");
        browser.press("1250000");
        browser.pressShiftTab(); // back to the product line: still the one chosen
        assertThat(browser.focused().getAttribute("id")).isEqualTo("productLine");
        assertThat(new Select(browser.focused()).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("NETWORK_SECURITY");
        LocalDate close = LocalDate.now().plusDays(90);
        tabTo("expectedCloseDate"); // en-US: month, day, year
        browser.press("%02d%02d%04d".formatted(close.getMonthValue(), close.getDayOfMonth(), close.getYear()));
        assertThat(browser.focused().getAttribute("value")).isEqualTo(close.toString());
        tabTo("submit-registration");
        browser.pressAndLoad(Keys.SPACE);
        registration = browser.find(By.id("registration-id")).getText();
        assertThat(registration).isNotBlank();
        receipt = browser.find(By.id("receipt")).getText();
        browser.screenshot("submitted");
        signOut();
    }

    @Test
    @Order(2)
    void theManagerApprovesOneAndRejectsAnother() {
        rejected = registrationOfPartnerB();
        signIn("MANAGER");
        browser.reloadUntil(() -> browser.has(By.id("item-" + registration)) && browser.has(By.id("item-" + rejected)));
        tabTo("discount-" + registration);
        browser.press("10");
        tabTo(null, "#item-" + registration + " .approve-button");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.cssSelector(".decision[data-registration-id='" + registration + "']")).getText())
                .contains(registration, "approved");
        browser.screenshot("approved");

        tabTo("reason-" + rejected);
        chooseWithArrows("reason-" + rejected, "INSUFFICIENT_INFORMATION");
        tabTo("reject-note-" + rejected);
        browser.press("no contact person given");
        tabTo(null, "#item-" + rejected + " .reject-button");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.cssSelector(".decision[data-registration-id='" + rejected + "']")).getText())
                .contains(rejected, "rejected");
        signOut();
    }

    @Test
    @Order(3)
    void thePartnerAsksForMoreProtectionAndComplains() throws IOException {
        signIn("PARTNER_A");
        browser.open("/console/registrations/" + registration);
        browser.reloadUntil(() -> browser.has(By.id("request-extension-link")));
        tabTo("request-extension-link");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/console/registrations/" + registration + "/extension");
        assertThat(browser.find(By.id("extension-rule")).getText()).contains("30 days");
        tabTo("extension-reason");
        browser.press("the customer's board meets next month");
        tabTo("extension-days");
        browser.press("45");
        tabTo("request-extension");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.cssSelector("#form-problem .problem-code")).getText())
                .isEqualTo("EXTENSION_TOO_LONG");
        assertThat(browser.find(By.id("days-error")).getText()).as("the problem next to the field")
                .contains("1 to 30 days");
        assertThat(browser.find(By.id("extension-days")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("extension-reason")).getAttribute("value")).as("what was typed is kept")
                .contains("board meets");
        browser.screenshot("extension-too-long");
        tabTo("extension-days");
        clearTheFocusedField();
        browser.press("20");
        tabTo("request-extension");
        browser.pressAndLoad(Keys.SPACE);
        assertThat(browser.path()).as(() -> "refused: " + browser.find(By.id("main")).getText())
                .isEqualTo("/console/registrations/" + registration);
        assertThat(browser.find(By.id("extension-requested")).getText()).contains("20 days");
        assertThat(browser.find(By.cssSelector("#extension-requested .event-id")).getText()).matches("[0-9a-f-]{36}");
        browser.reloadUntil(() -> browser.has(By.id("extension-pending")));
        assertThat(browser.has(By.id("request-extension-link"))).as("one request at a time").isFalse();

        tabTo("nav-disputes");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("open-dispute");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("type");
        assertThat(new Select(browser.focused()).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("PRICE_DUMPING");
        tabTo("registrationId");
        chooseWithArrows("registrationId", registration);
        tabTo("description");
        browser.press("Another partner quoted below the floor");
        tabTo("quotedAmount");
        browser.press("1250000");
        tabTo("allegedAmount");
        browser.press("990000");
        tabTo("entitledDiscountPercent");
        browser.press("10");
        tabTo("submit-dispute");
        browser.pressAndLoad(Keys.ENTER);
        dispute = browser.find(By.id("dispute-id")).getText();
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("opened");

        browser.reloadUntil(() -> browser.has(By.id("evidence-form")));
        Path letter = Files.writeString(Files.createTempFile("quote-", ".txt"), "the quote of " + inn,
                StandardCharsets.UTF_8);
        tabTo("evidence-description");
        browser.press("The quote the customer forwarded");
        tabTo("evidence-file");
        browser.focused().sendKeys(letter.toString()); // what the file chooser would hand the input
        browser.awaitAttribute(By.id("evidence-sha256"), "value", sha256("the quote of " + inn),
                Duration.ofSeconds(10));
        tabTo("add-evidence");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("evidence");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");

        tabTo("escalate-reason");
        browser.press("no answer from the vendor in two days");
        tabTo("escalate");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("escalated");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");
        signOut();
    }

    @Test
    @Order(4)
    void theManagerDecidesExtensionsSupportAndTheDispute() throws IOException {
        signIn("MANAGER");
        tabTo("nav-extensions");
        browser.pressAndLoad(Keys.ENTER);
        browser.reloadUntil(() -> browser.has(By.id("extension-" + registration)));
        tabTo("refuse-note-" + registration);
        browser.press("the tender date is not confirmed");
        tabTo(null, "#extension-" + registration + " .refuse-button");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("extension-outcome")).getAttribute("data-refused")).isEqualTo("false");
        assertThat(browser.find(By.id("extension-outcome")).getText()).contains("refused");

        requestExtensionThroughTheApi(registration);
        browser.reloadUntil(() -> browser.has(By.id("extension-" + registration)));
        tabTo("grant-note-" + registration);
        browser.press("confirmed by the customer");
        tabTo(null, "#extension-" + registration + " .grant-button");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("extension-outcome")).getText()).contains("granted");
        assertThat(browser.find(By.cssSelector("#extension-outcome .event-id")).getText()).matches("[0-9a-f-]{36}");

        opportunity = opportunityOf(registration);
        browser.open("/console/opportunities/" + opportunity);
        browser.reloadUntil(() -> browser.has(By.cssSelector(
                "#support-registration option[value='" + registration + "']")));
        String text = "customer letter of " + inn;
        Path letter = Files.writeString(Files.createTempFile("letter-", ".txt"), text, StandardCharsets.UTF_8);
        tabTo("preference-file");
        browser.focused().sendKeys(letter.toString());
        browser.awaitAttribute(By.id("preference-sha256"), "value", sha256(text), Duration.ofSeconds(10));
        assertThat(browser.find(By.id("preference-name")).getAttribute("value")).isEqualTo(letter.getFileName().toString());
        tabTo("preference-link");
        browser.press("https://customer.example/letters/" + inn);
        tabTo("record-preference");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("support-outcome")).getAttribute("data-refused")).isEqualTo("false");
        assertThat(browser.find(By.id("recorded-preference")).getText()).isEqualTo(sha256(text));
        assertThat(browser.find(By.id("support-evidence")).getAttribute("value")).as("ready to be cited")
                .isEqualTo(sha256(text));
        browser.screenshot("preference-recorded");

        tabTo("support-action");
        chooseWithArrows("support-action", "GRANT");
        tabTo("support-registration");
        chooseWithArrows("support-registration", registration);
        tabTo("support-evidence");
        clearTheFocusedField(); // a grant cites nothing
        tabTo("support-submit");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("support-outcome")).getAttribute("data-refused")).isEqualTo("false");
        browser.reloadUntil(() -> browser.find(By.id("supported-registration")).getText().equals(registration)
                && browser.has(By.cssSelector("#recorded-preferences option[value='" + sha256(text) + "']")));

        tabTo("nav-arbitration");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("filter-level");
        chooseWithArrows("filter-level", "2");
        tabTo("filter-status");
        chooseWithArrows("filter-status", "");
        tabTo("apply-filter");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.url()).contains("level=2");
        browser.reloadUntil(() -> browser.has(By.id("dispute-" + dispute)));

        browser.open("/console/arbitration/" + dispute);
        tabTo("respondent-partner-id");
        browser.press("P-1002");
        tabTo("set-respondent");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("respondent");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");
        tabTo("escalate-reason");
        browser.press("the amounts need the committee");
        tabTo("escalate");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("escalated");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");
        signOut();
    }

    @Test
    @Order(5)
    void theCommitteeRules() {
        signIn("COMMITTEE");
        browser.open("/console/arbitration/" + dispute);
        browser.reloadUntil(() -> browser.find(By.id("dispute-level")).getText().contains("3"));
        tabTo("assign");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("assigned");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");

        tabTo("outcome");
        chooseWithArrows("outcome", "DISMISSED");
        tabTo("rationale");
        browser.press("the alleged price is within the entitled discount");
        tabTo("partyStatement");
        browser.press("The complaint is dismissed.");
        tabTo("review-ruling");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("effects")).getText()).isNotBlank();
        tabTo("confirm-ruling");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("ruled");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");
        signOut();
    }

    @Test
    @Order(6)
    void thePartnerAppeals() {
        signIn("PARTNER_A");
        browser.open("/console/disputes/" + dispute);
        browser.reloadUntil(() -> browser.has(By.id("appeal-form")));
        tabTo("appeal-reason");
        browser.press("the floor of the policy was ignored");
        tabTo("appeal");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("action-result")).getAttribute("data-action")).isEqualTo("appealed");
        assertThat(browser.find(By.id("action-result")).getAttribute("class")).doesNotContain("problem");
        signOut();
    }

    @Test
    @Order(7)
    void theAuditorSearchesSlidesVerifiesAndChecksTheReceipt() {
        signIn("AUDITOR");
        tabTo("q");
        browser.press(inn);
        browser.pressAndLoad(Keys.ENTER);
        browser.reloadUntil(() -> browser.has(By.cssSelector("#hits .history-link")));
        tabTo(null, "#hits .history-link");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("opportunity-id")).getText()).isEqualTo(opportunity);

        tabTo("time-slider");
        browser.press(Keys.HOME);
        tabTo("slider-show");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("state")).getAttribute("data-step")).isEqualTo("0");
        assertThat(browser.url()).contains("step=0");

        tabTo("nav-integrity");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("verify-opportunity-id");
        browser.press(opportunity);
        tabTo("verify-opportunity");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("verification-result")).getAttribute("data-intact")).isEqualTo("true");

        tabTo("nav-integrity");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("verify-all");
        browser.pressAndLoad(Keys.ENTER);
        // the keyboard started the job; AuditorTimeSliderStoryIT follows one to its end (here, as the first class of
        // a fresh system, the whole-history job was seen to stay RUNNING after its chains: an open finding)
        assertThat(browser.url()).contains("/console/audit/integrity/verifications/");
        assertThat(browser.find(By.id("verification-state")).getAttribute("data-state"))
                .isIn("QUEUED", "RUNNING", "DONE");

        tabTo("nav-receipt");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("receipt-text");
        browser.press(receipt);
        tabTo("check-receipt");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("receipt-verdict")).getAttribute("data-outcome")).isEqualTo("VALID");
        signOut();
    }

    @Test
    @Order(8)
    void theAdminOnboardsAndChangesAPartner() {
        signIn("ADMIN");
        assertThat(browser.path()).isEqualTo("/console/admin/partners");

        String partnerId = "P-KBD-" + UUID.randomUUID().toString().substring(0, 8);
        tabTo("onboard-partnerId");
        browser.press(partnerId, Keys.TAB, "Keyboard " + partnerId);
        tabTo("onboard-tier");
        browser.press("Gold");
        tabTo("onboard-line-COLLABORATION");
        browser.press(Keys.SPACE);
        assertThat(browser.focused().isSelected()).as("Space ticks the checkbox").isTrue();
        tabTo("onboard");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("change")).getText()).contains(partnerId, "onboarded");
        browser.reloadUntil(() -> browser.has(By.id("partner-" + partnerId)));
        assertThat(browser.find(By.cssSelector("#partner-" + partnerId + " .tier")).getText()).isEqualTo("Gold");

        tabTo(null, "#partner-" + partnerId + " a");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/console/admin/partners/" + partnerId);
        tabTo("tier");
        chooseWithArrows("tier", "PLATINUM");
        tabTo("change-tier");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("change")).getAttribute("class")).doesNotContain("problem");
        browser.reloadUntil(() -> browser.find(By.id("partner-tier")).getText().equals("Platinum"));

        tabTo("line-DATA_CENTER");
        browser.press(Keys.SPACE);
        tabTo("change-product-lines");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("change")).getAttribute("class")).doesNotContain("problem");
        browser.reloadUntil(() -> browser.find(By.id("partner-product-lines")).getText().contains("Data center"));

        tabTo("suspend-reason");
        browser.press("contract under review");
        tabTo("suspend");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("change")).getAttribute("class")).doesNotContain("problem");
        browser.reloadUntil(() -> browser.has(By.id("reinstate-form")));
        tabTo("reinstate-note");
        browser.press("contract renewed");
        tabTo("reinstate");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("change")).getAttribute("class")).doesNotContain("problem");
        browser.reloadUntil(() -> browser.has(By.id("suspend-form")));
        signOut();
    }

    @Test
    @Order(9)
    void theAdminComparesPoliciesWorksADeadLetterAndRebuilds() throws Exception {
        long deadLetter = system.parkARecordThatIsNoEvent();
        signIn("ADMIN");
        tabTo("admin-policies");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("from");
        browser.press(Keys.HOME);
        tabTo("to");
        browser.press(Keys.END);
        tabTo("compare");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/console/admin/policies/diff");
        assertThat(browser.url()).contains("from=1");

        tabTo("admin-dead-letters");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("status");
        chooseWithArrows("status", "PARKED");
        tabTo("filter");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.url()).contains("status=PARKED");
        tabTo(null, "#dead-letter-" + deadLetter + " a");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("retry");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.cssSelector("#outcome .problem-code")).getText())
                .isEqualTo("DEAD_LETTER_RETRY_FAILED");
        tabTo("discard-reason");
        browser.press("not an event: nothing to apply");
        tabTo("discard");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.find(By.id("outcome")).getAttribute("class")).doesNotContain("problem");
        assertThat(browser.find(By.id("dead-letter-status")).getText()).isEqualTo("Resolved");

        tabTo("admin-rebuild");
        browser.pressAndLoad(Keys.ENTER);
        tabTo("start-rebuild");
        browser.pressAndLoad(Keys.ENTER);
        browser.awaitAttribute(By.id("rebuild"), "data-state", "DONE", Duration.ofSeconds(120));
        signOut();
    }

    private static void signIn(String identity) {
        browser.open("/console/sign-in");
        tabTo("sign-in-" + identity);
        browser.pressAndLoad(Keys.ENTER);
    }

    private static void signOut() {
        tabTo("sign-out");
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/console/sign-in");
    }

    private static void tabTo(String id) {
        tabTo(id, "#" + id);
    }

    /**
     * Presses Tab (Shift+Tab when the element comes before the focus) until the element ({@code id}, else the one
     * {@code selector} finds) has the focus, and asserts that the focus is visible on it: an outline or a box shadow.
     */
    private static void tabTo(String id, String selector) {
        WebElement target = browser.find(By.cssSelector(selector));
        boolean before = Boolean.TRUE.equals(browser.script("""
                const focused = document.activeElement;
                return focused != null && focused !== document.body
                    && (arguments[0].compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;""",
                target));
        for (int i = 0; i < MOST_TABS && !target.equals(browser.focused()); i++) {
            if (before) {
                browser.pressShiftTab();
            } else {
                browser.press(Keys.TAB);
            }
        }
        assertThat(browser.focused()).as("Tab reaches " + (id != null ? id : selector)).isEqualTo(target);
        boolean outline = !"none".equals(browser.style(target, "outline-style"))
                && !browser.style(target, "outline-width").startsWith("0");
        boolean shadow = !"none".equals(browser.style(target, "box-shadow"));
        assertThat(outline || shadow).as("a visible focus indicator on " + selector).isTrue();
    }

    /** End, then Backspace until the focused field is empty. */
    private static void clearTheFocusedField() {
        int length = browser.focused().getAttribute("value").length();
        browser.press(Keys.END);
        for (int i = 0; i < length; i++) {
            browser.press(Keys.BACK_SPACE);
        }
        assertThat(browser.focused().getAttribute("value")).isEmpty();
    }

    /** With the select focused, the arrow keys move its choice (down, then up) until {@code value} is chosen. */
    private static void chooseWithArrows(String id, String value) {
        Select select = new Select(browser.find(By.id(id)));
        int options = select.getOptions().size();
        for (int i = 0; i < options && !value.equals(chosen(select)); i++) {
            browser.press(Keys.ARROW_DOWN);
        }
        for (int i = 0; i < options && !value.equals(chosen(select)); i++) {
            browser.press(Keys.ARROW_UP);
        }
        assertThat(chosen(select)).as("the arrow keys choose " + value + " in " + id).isEqualTo(value);
        assertThat(browser.focused().getAttribute("id")).isEqualTo(id);
    }

    private static String chosen(Select select) {
        return select.getFirstSelectedOption().getAttribute("value");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(DemoIdentity identity) {
        return identity.mint(DevTokens.DEFAULT_SECRET, DevTokens.DEFAULT_TTL);
    }

    /** Partner B's registration of another customer, for the manager to reject (seeded through the API). */
    private static String registrationOfPartnerB() {
        HttpApi.Answer submitted = new HttpApi(system.command.baseUrl()).post("/api/v1/registrations",
                token(DemoIdentity.PARTNER_B), """
                        {"customer": {"legalName": "OOO Otkaz %1$s", "country": "RU", "taxId": "%1$s"},
                         "productLine": "COLLABORATION", "estimatedValue": {"amount": "150000", "currency": "RUB"},
                         "expectedCloseDate": "%2$s"}""".formatted(Inns.random(), LocalDate.now().plusDays(60)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        return submitted.text("registrationId");
    }

    /** A second request after the first was refused (seeded through the API: its form was shown above). */
    private static void requestExtensionThroughTheApi(String registrationId) {
        HttpApi.Answer asked = new HttpApi(system.command.baseUrl()).post(
                "/api/v1/registrations/" + registrationId + "/extension-requests", token(DemoIdentity.PARTNER_A),
                "{\"reason\": \"the customer confirmed the tender date\", \"days\": 15}");
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
    }

    private static String opportunityOf(String registrationId) {
        HttpApi query = new HttpApi(system.query.baseUrl());
        String[] opportunityId = new String[1];
        await().atMost(QUERY_SIDE).until(() -> {
            HttpApi.Answer answer = query.get("/api/v1/registrations/" + registrationId, token(DemoIdentity.MANAGER));
            opportunityId[0] = answer.status() == 200 ? answer.text("opportunityId") : null;
            return opportunityId[0] != null;
        });
        return opportunityId[0];
    }
}
