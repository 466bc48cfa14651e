package com.leadledger.console.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * axe-core (vendored under {@code src/test/resources/axe-core}, see its README) run on a loaded page against WCAG 2
 * A and AA: a violation of impact {@code serious} or {@code critical} fails the test, listed with the elements it
 * concerns. The script is injected by the driver, so the console's Content-Security-Policy does not apply to it.
 */
final class Accessibility {

    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    private static final String AXE = load("/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']})
               .then(results => done(results.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')
                       .replace(/\\s+/g, ' '))}))))
               .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
            """;

    private Accessibility() {
    }

    /**
     * Has the browser evaluate axe-core in every document it creates from now on, so that {@link #check} finds it
     * there: sending the half-megabyte script through the driver for each page cost about a quarter of a second.
     */
    static void loadIntoEveryPage(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE));
    }

    /** Fails when the page the driver shows has a serious or critical WCAG 2 A/AA violation. */
    static void check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        List<Map<String, Object>> failing = violations.stream()
                .filter(v -> FAILING_IMPACTS.contains(String.valueOf(v.get("impact")))).toList();
        if (!failing.isEmpty()) {
            fail("axe-core: " + failing.size() + " serious or critical accessibility violation(s) on "
                    + driver.getCurrentUrl() + "\n" + failing.stream().map(Accessibility::describe)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Map<String, Object> violation) {
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) violation.get("nodes");
        return "- [" + violation.get("impact") + "] " + violation.get("id") + ": " + violation.get("help")
                + nodes.stream().map(node -> "\n    at " + node).collect(Collectors.joining());
    }

    private static String load(String resource) {
        try (InputStream in = Accessibility.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
