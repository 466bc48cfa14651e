package com.leadledger.console.browser;

import com.leadledger.localruntime.ProjectPaths;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * One user's real, headless Chromium (Debian's {@code chromium} and {@code chromedriver}, named explicitly so that
 * Selenium Manager never downloads anything), with its own cookies and the language it asks for. Every console page
 * it loads (open, a click or key that loads a page, a reload) is checked with axe-core ({@link Accessibility}).
 */
final class Browser implements AutoCloseable {

    /**
     * Debian's headless shell of Chromium: the same Blink and V8 as the desktop browser without its windowing layers,
     * and about a third less CPU per page on this machine. The binary itself, not {@code /usr/bin}'s launcher script,
     * which runs it as a child without {@code exec}: quitting the driver ends the script and left the browser running.
     */
    static final String CHROMIUM = "/usr/lib/chromium/chromium-headless-shell";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** How long the browser's processes may take to end after the driver quit. */
    private static final Duration EXIT = Duration.ofSeconds(10);
    private static final String MAY_LOAD_A_PAGE = """
            const e = arguments[0];
            return (e.tagName === 'A' && e.hasAttribute('href'))
                || (e.form != null && (e.type === 'submit' || e.type === 'image'));""";

    private static final int MOST_TABS = 400;
    /**
     * Tab presses sent in one action: a listener in the page marks what each one focuses, so the walk asks the
     * browser whether it is done only once per batch. Presses past the end of a round reach the same controls again.
     */
    private static final int TABS_PER_ROUND_TRIP = 20;
    private static final Path SCREENSHOTS = ProjectPaths.root().resolve("infra/console/target/console-screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private final String name;
    /** The browser's processes when it had started, found as the descendants of its chromedriver. */
    private final List<ProcessHandle> browserProcesses;

    Browser(ConsoleSystem system, String name, String language) {
        this(system.console.baseUrl(), name, language);
    }

    /** A browser for the console at {@code baseUrl}; {@code name} prefixes its screenshots' file names. */
    Browser(String baseUrl, String name, String language) {
        this.baseUrl = baseUrl;
        this.name = name;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1400", "--lang=" + language, "--accept-lang=" + language);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        String driverPort = "--port=" + service.getUrl().getPort();
        browserProcesses = ProcessHandle.current().children().filter(process -> process.info().arguments()
                .map(arguments -> Arrays.asList(arguments).contains(driverPort)).orElse(false))
                .flatMap(ProcessHandle::descendants).toList();
        if (browserProcesses.isEmpty()) {
            chrome.quit();
            throw new IllegalStateException("no browser process under the chromedriver started with " + driverPort);
        }
        Accessibility.loadIntoEveryPage(chrome);
        driver = chrome;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    Browser open(String path) {
        driver.get(baseUrl + path);
        loaded();
        return this;
    }

    Browser signInAs(String identity) {
        open("/console/sign-in");
        clickAndLoad(By.id("sign-in-" + identity));
        return this;
    }

    WebElement find(By by) {
        return awaitVisible(by, Duration.ofSeconds(10));
    }

    /** Waits until the element is shown, for what a script renders after a slow fetch. */
    WebElement awaitVisible(By by, Duration atMost) {
        return new WebDriverWait(driver, atMost).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until the element's attribute has {@code value} (a script updates the page in place). */
    void awaitAttribute(By by, String attribute, String value, Duration atMost) {
        new WebDriverWait(driver, atMost).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(by, attribute, value));
    }

    /** Waits until the element's text starts with {@code text} (a script updates the page in place). */
    void awaitTextStartingWith(By by, String text, Duration atMost) {
        new WebDriverWait(driver, atMost).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textMatches(by,
                        Pattern.compile("^\\s*" + Pattern.quote(text) + ".*", Pattern.DOTALL)));
    }

    /** Runs the accessibility check on the page as it is now (the page loads check themselves). */
    void checkAccessibility() {
        Accessibility.check(driver);
    }

    /** Runs a script in the page (a test that alters the page to see a check fail). */
    Object script(String script, Object... arguments) {
        return ((ChromeDriver) driver).executeScript(script, arguments);
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Clicks; a link or a submit button that loads a page is followed by that page's accessibility check. */
    void click(By by) {
        WebElement target = find(by);
        boolean mayLoad = Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(MAY_LOAD_A_PAGE, target));
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        if (mayLoad) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(replaced(page));
            } catch (TimeoutException stayed) {
                return; // a script kept the page: nothing new to check
            }
            loaded();
        }
    }

    /**
     * Clicks a control that a script handles in the page (a single-page application's button, a dialog's submit): no
     * page load to wait for, where {@link #click} would wait 15 s for one that does not come.
     */
    void clickInPage(By by) {
        find(by).click();
    }

    /** Clicks something that loads another page, and returns once that page has replaced this one. */
    void clickAndLoad(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(by).click();
        awaitReplaced(page);
    }

    /**
     * The form controls of the page that Tab never reaches, pressing Tab from the top of the page until the focus comes
     * round again (a radio group counts as reached when one of its buttons is, as the arrow keys move within it).
     */
    List<String> formControlsTabDoesNotReach() {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeScript("""
                document.querySelectorAll('[data-tab-reached]').forEach(e => e.removeAttribute('data-tab-reached'));
                if (document.activeElement) { document.activeElement.blur(); }
                window.scrollTo(0, 0);
                if (window.tabWalk) { document.removeEventListener('focusin', window.tabWalk.listener, true); }
                const walk = window.tabWalk = {first: null, round: false};
                walk.listener = event => {
                    const reached = event.target;
                    walk.round = walk.round || reached === walk.first;
                    walk.first = walk.first || reached;
                    reached.setAttribute('data-tab-reached', 'true');
                };
                document.addEventListener('focusin', walk.listener, true);""");
        CharSequence[] tabs = new CharSequence[TABS_PER_ROUND_TRIP];
        Arrays.fill(tabs, Keys.TAB);
        for (int pressed = 0; pressed < MOST_TABS; pressed += TABS_PER_ROUND_TRIP) {
            press(tabs);
            boolean roundOrOut = Boolean.TRUE.equals(chrome.executeScript("""
                    const e = document.activeElement;
                    return window.tabWalk.round || !e || e === document.body;"""));
            if (roundOrOut) {
                break; // round the page again, or out of it
            }
        }
        @SuppressWarnings("unchecked")
        List<String> missed = (List<String>) chrome.executeScript("""
                const visible = e => e.offsetParent !== null && !e.disabled && e.type !== 'hidden';
                const reachedGroups = new Set([...document.querySelectorAll('input[type=radio][data-tab-reached]')]
                    .map(r => r.name));
                return [...document.querySelectorAll('form input, form select, form textarea, form button')]
                    .filter(visible)
                    .filter(e => !e.hasAttribute('data-tab-reached'))
                    .filter(e => !(e.type === 'radio' && reachedGroups.has(e.name)))
                    .map(e => e.outerHTML.substring(0, 120));""");
        return missed;
    }

    /** Keyboard input to the focused element (no click), as a user without a mouse types it. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Shift+Tab: the focus moves back. */
    void pressShiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Keys that load another page (Enter on a link, Space on a submit button); returns once it has replaced this one. */
    void pressAndLoad(CharSequence... keys) {
        WebElement page = driver.findElement(By.tagName("html"));
        press(keys);
        awaitReplaced(page);
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Computed style of an element ({@code outline-style}, {@code box-shadow} …). */
    String style(WebElement element, String property) {
        return String.valueOf(((ChromeDriver) driver).executeScript(
                "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, property));
    }

    private void awaitReplaced(WebElement page) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(replaced(page));
        loaded();
    }

    /** The page's root element is gone (chromedriver says so either as stale or as no longer in the document). */
    private static ExpectedCondition<Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** A page has loaded: once complete, a console page must pass the accessibility check. */
    private void loaded() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState;")));
        boolean consoleHtml = driver.getCurrentUrl().startsWith(baseUrl + "/console")
                && "text/html".equals(((ChromeDriver) driver).executeScript("return document.contentType;"));
        if (consoleHtml) {
            Accessibility.check(driver);
        }
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as a script would (a date input types in the browser's own date format). */
    void setValue(By by, String value) {
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1];", find(by), value);
    }

    /** Reloads the page until the condition holds (the query side catches up with a write). */
    void reloadUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.navigate().refresh();
            return condition.getAsBoolean();
        });
        loaded();
    }

    String source() {
        return driver.getPageSource();
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The page's language; a page that is being replaced is read again once its successor is there. */
    String language() {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("html")).getAttribute("lang"));
    }

    /** A screenshot of the page as it is now, kept under target/console-screenshots. */
    Path screenshot(String page) {
        Path file = SCREENSHOTS.resolve(name + "-" + page + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Quits the driver; fails when a process of this browser outlives it (a leak that slows every later test). */
    @Override
    public void close() {
        driver.quit();
        try {
            await().atMost(EXIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> browserProcesses.stream().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException stillRunning) {
            // reported below, once the stragglers are killed
        }
        List<ProcessHandle> alive = browserProcesses.stream().filter(ProcessHandle::isAlive).toList();
        if (!alive.isEmpty()) {
            String first = alive.get(0).info().commandLine().orElse("?");
            alive.forEach(ProcessHandle::destroyForcibly);
            throw new IllegalStateException(alive.size() + " process(es) of browser " + name + " still ran "
                    + EXIT.toSeconds() + " s after the driver quit, killed now: " + first);
        }
    }
}
