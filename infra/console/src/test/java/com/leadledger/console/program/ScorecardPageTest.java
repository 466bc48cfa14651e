package com.leadledger.console.program;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page binds the parts it knows (tier, points, rebates, the early-registration part) to their fields and shows any
 * other part as its flattened figures.
 */
class ScorecardPageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        Map<String, Object> loyalty = new LinkedHashMap<>();
        loyalty.put("current", "SILVER");
        loyalty.put("next", Map.of("requirements", List.of(Map.of("progress", 0.5))));
        loyalty.put("note", null);
        answer.put("loyalty", loyalty);

        ScorecardPage page = ScorecardPage.of(answer, JSON);

        assertThat(page.partnerId()).isEqualTo("P-1");
        assertThat(page.asOf()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(page.policyVersion()).isEqualTo(3);
        assertThat(page.early()).containsEntry("registrations", 8).doesNotContainKey("quarters");
        assertThat(page.quarters()).hasSize(1);
        assertThat(page.parts().keySet()).containsExactly("loyalty");
        assertThat(page.parts().get("loyalty")).containsExactly(new ScorecardPage.Figure("current", "SILVER"),
                new ScorecardPage.Figure("next.requirements[0].progress", "0.5"),
                new ScorecardPage.Figure("note", "—"));
    }

    @Test
    void canShowAScorecardWithoutAnyPart() {
        ScorecardPage page = ScorecardPage.of(Map.of("partnerId", "P-1", "asOf", "2026-12-01T09:30:00Z"), JSON);
        assertThat(page.early()).isEmpty();
        assertThat(page.quarters()).isEmpty();
        assertThat(page.parts()).isEmpty();
        assertThat(page.policyVersion()).isNull();
        assertThat(page.tier()).isNull();
        assertThat(page.points()).isNull();
        assertThat(page.rebates()).isNull();
    }

    @Test
    void canBindTheTierPointsAndRebatesPartsAsTheQueryServiceWritesThem() {
        Map<String, Object> answer = JSON.readValue(ProgramPagesTest.SCORECARD.formatted(ProgramPagesTest.STATEMENT),
                new TypeReference<Map<String, Object>>() {
                });

        ScorecardPage page = ScorecardPage.of(answer, JSON);

        assertThat(page.tier().tier()).isEqualTo("SILVER");
        assertThat(page.tier().benefits().protectionDays()).isEqualTo(90);
        assertThat(page.tier().next().tier()).isEqualTo("GOLD");
        assertThat(page.tier().next().requirements()).extracting(TierPart.Requirement::rule)
                .containsExactly("minWonRevenue", "minCertifiedSpecialists", "maxPenaltyPoints");
        TierPart.Requirement revenue = page.tier().next().requirements().get(0);
        assertThat(revenue.actual()).isEqualByComparingTo("4000000");
        assertThat(revenue.required()).isEqualByComparingTo("10000000");
        assertThat(revenue.met()).isFalse();
        assertThat(revenue.progressPercent()).isEqualByComparingTo("40");
        assertThat(page.tier().next().requirements().get(1).productLine()).isEqualTo("NETWORK_SECURITY");
        assertThat(page.tier().evaluation().proposedTier()).isEqualTo("GOLD");
        assertThat(page.tier().evaluation().runDate()).isEqualTo(java.time.LocalDate.parse("2026-12-01"));

        assertThat(page.points().balance()).isEqualTo(40);
        assertThat(page.points().history()).extracting(PointsPart.Entry::type, PointsPart.Entry::points,
                PointsPart.Entry::cause).containsExactly(org.assertj.core.groups.Tuple.tuple("AWARDED", 50,
                "REGISTRATION_WON"), org.assertj.core.groups.Tuple.tuple("REDEEMED", -10, "EXTRA_DISCOUNT"));
        assertThat(page.points().history().get(0).expiresAt()).isEqualTo(Instant.parse("2027-10-01T10:00:00Z"));

        assertThat(page.rebates().accrued()).singleElement().satisfies(m -> {
            assertThat(m.currency()).isEqualTo("RUB");
            assertThat(m.amount()).isEqualByComparingTo("38000");
        });
        assertThat(page.rebates().due()).isEmpty();
        RebateStatement statement = page.rebates().statements().get(0);
        assertThat(statement.period()).isEqualTo("2026-Q3");
        assertThat(statement.lines().get(0).offSeason().brackets()).hasSize(3);
        assertThat(statement.lines().get(0).offSeason().brackets().get(2).to()).isNull();
        assertThat(statement.payouts().get(0).dueOn()).isEqualTo(java.time.LocalDate.parse("2026-10-01"));

        assertThat(page.parts().keySet()).as("only the part the console does not know, flattened")
                .containsExactly("loyalty");
    }
}
