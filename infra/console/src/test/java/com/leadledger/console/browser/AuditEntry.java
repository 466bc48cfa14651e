package com.leadledger.console.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Recorded as event" link of a state change, followed by an auditor. */
final class AuditEntry {

    private AuditEntry() {
    }

    /**
     * The link leads to the history of the aggregate the change was recorded on, and there the auditor sees the event
     * highlighted, of the type named, with its place in the hash chain.
     */
    static void opensTheEventHighlighted(Browser auditor, String href, String aggregateId, String eventId,
                                         String eventType) {
        URI link = URI.create(href);
        assertThat(link.getPath()).as(href).isEqualTo("/console/audit/history/" + aggregateId);
        assertThat(link.getQuery()).as(href).isEqualTo("event=" + eventId);
        assertThat(link.getFragment()).as(href).isEqualTo("event-" + eventId);
        auditor.open(link.getRawPath() + "?" + link.getRawQuery() + "#" + link.getRawFragment());
        auditor.reloadUntil(() -> auditor.has(By.cssSelector("#history-events .history-event.highlighted")));
        WebElement event = auditor.find(By.id("event-" + eventId));
        assertThat(event.getAttribute("class")).contains("highlighted");
        assertThat(event.getAttribute("aria-current")).isEqualTo("true");
        assertThat(event.getAttribute("data-event-type")).isEqualTo(eventType);
        assertThat(auditor.findAll(By.cssSelector("#history-events .highlighted"))).as("one event highlighted")
                .hasSize(1);
        assertThat(event.findElement(By.className("event-id")).getText()).isEqualTo(eventId);
        assertThat(event.findElement(By.className("event-hash")).getText()).matches("[0-9a-f]{64}");
        assertThat(event.findElement(By.className("global-index")).getText()).matches("[0-9]+");
        assertThat(auditor.find(By.id("history-aggregate-id")).getText()).isEqualTo(aggregateId);
    }
}
