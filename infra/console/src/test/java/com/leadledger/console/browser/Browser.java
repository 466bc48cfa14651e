package com.leadledger.console.browser;

import com.leadledger.localruntime.ProjectPaths;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/**
 * One user's real, headless Chromium (Debian's {@code chromium} and {@code chromedriver}, named explicitly so that
 * Selenium Manager never downloads anything), with its own cookies and the language it asks for.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Path SCREENSHOTS = ProjectPaths.root().resolve("infra/console/target/console-screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private final String name;

    Browser(ConsoleSystem system, String name, String language) {
        this(system.console.baseUrl(), name, language);
    }

    /** A browser for the console at {@code baseUrl}; {@code name} prefixes its screenshots' file names. */
    Browser(String baseUrl, String name, String language) {
        this.baseUrl = baseUrl;
        this.name = name;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1400", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    Browser signInAs(String identity) {
        open("/console/sign-in");
        clickAndLoad(By.id("sign-in-" + identity));
        return this;
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void click(By by) {
        find(by).click();
    }

    /** Clicks something that loads another page, and returns once that page has replaced this one. */
    void clickAndLoad(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
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

    @Override
    public void close() {
        driver.quit();
    }
}
