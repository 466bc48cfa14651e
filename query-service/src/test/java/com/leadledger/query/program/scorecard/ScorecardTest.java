package com.leadledger.query.program.scorecard;

import com.leadledger.query.program.ScorecardSection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scorecard works with whatever parts are deployed, and refuses a part that would hide another field. */
class ScorecardTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T09:30:00Z");

    /** A part that answers what it was asked, so the test sees the partner and instant each part receives. */
    record Fake(String name) implements ScorecardSection {
        @Override
        public Object of(String partnerId, Instant asOf) {
            return Map.of("partner", partnerId, "asOf", asOf);
        }
    }

    @Test
    void canAssembleAnySetOfPartsUnderTheirNamesInNameOrderAfterTheFixedFields() {
        List<ScorecardSection> parts = Scorecard.ordered(List.of(new Fake("tier"), new Fake("badges")));
        Map<String, Object> answer = Scorecard.assemble("P-1", AS_OF, 3L, parts);
        assertThat(answer.keySet()).containsExactly("partnerId", "asOf", "policyVersion", "badges", "tier");
        assertThat(answer.get("partnerId")).isEqualTo("P-1");
        assertThat(answer.get("asOf")).isEqualTo(AS_OF);
        assertThat(answer.get("policyVersion")).isEqualTo(3L);
        assertThat(answer.get("badges")).isEqualTo(Map.of("partner", "P-1", "asOf", AS_OF));
        assertThat(answer.get("tier")).isEqualTo(Map.of("partner", "P-1", "asOf", AS_OF));
    }

    @Test
    void canAssembleWithNoPartsAtAllAndNoPolicyYet() {
        Map<String, Object> answer = Scorecard.assemble("P-1", AS_OF, null, Scorecard.ordered(List.of()));
        assertThat(answer.keySet()).containsExactly("partnerId", "asOf", "policyVersion");
        assertThat(answer.get("policyVersion")).isNull();
    }

    @Test
    void cannotDeployTwoPartsOfOneNameOrAPartNamedLikeAFixedField() {
        assertThatThrownBy(() -> Scorecard.ordered(List.of(new Fake("tier"), new Fake("tier"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'tier'");
        assertThatThrownBy(() -> Scorecard.ordered(List.of(new Fake("partnerId"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'partnerId'");
        assertThatThrownBy(() -> Scorecard.ordered(List.of(new Fake(" "))))
                .isInstanceOf(IllegalStateException.class);
    }
}
