package com.leadledger.console.program;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page shows the early-registration part as a table and any other part as its flattened figures. */
class ScorecardPageTest {

    @Test
    void canShowTheEarlyRegistrationPartAndAnyOtherPartFlattened() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("partnerId", "P-1");
        answer.put("asOf", "2026-12-01T09:30:00Z");
        answer.put("policyVersion", 3);
        Map<String, Object> early = new LinkedHashMap<>();
        early.put("registrations", 8);
        early.put("earlyShare", 0.625);
        early.put("quarters", List.of(Map.of("quarter", "2026-Q4", "registrations", 3)));
        answer.put("earlyRegistration", early);
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("current", "SILVER");
        tier.put("next", Map.of("requirements", List.of(Map.of("progress", 0.5))));
        tier.put("note", null);
        answer.put("tier", tier);

        ScorecardPage page = ScorecardPage.of(answer);

        assertThat(page.partnerId()).isEqualTo("P-1");
        assertThat(page.asOf()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(page.policyVersion()).isEqualTo(3);
        assertThat(page.early()).containsEntry("registrations", 8).doesNotContainKey("quarters");
        assertThat(page.quarters()).hasSize(1);
        assertThat(page.parts().keySet()).containsExactly("tier");
        assertThat(page.parts().get("tier")).containsExactly(new ScorecardPage.Figure("current", "SILVER"),
                new ScorecardPage.Figure("next.requirements[0].progress", "0.5"),
                new ScorecardPage.Figure("note", "—"));
    }

    @Test
    void canShowAScorecardWithoutAnyPart() {
        ScorecardPage page = ScorecardPage.of(Map.of("partnerId", "P-1", "asOf", "2026-12-01T09:30:00Z"));
        assertThat(page.early()).isEmpty();
        assertThat(page.quarters()).isEmpty();
        assertThat(page.parts()).isEmpty();
        assertThat(page.policyVersion()).isNull();
    }
}
