package com.leadledger.console.dispute;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulingFormTest {

    @Test
    void anUpheldRulingSendsItsEffectsAndListsThemForConfirmation() {
        RulingForm ruling = new RulingForm("UPHELD", " Discount above the maximum ", "", "R-1", true, "10", "key");

        assertThat(ruling.body()).containsExactly(
                java.util.Map.entry("outcome", "UPHELD"),
                java.util.Map.entry("rationale", "Discount above the maximum"),
                java.util.Map.entry("rightfulRegistrationId", "R-1"),
                java.util.Map.entry("revokeRespondentProtection", true),
                java.util.Map.entry("penaltyPoints", 10));
        assertThat(ruling.effects("P-2", "R-2")).containsExactly(
                new RulingForm.Effect("ruling.effect.UPHELD", List.of()),
                new RulingForm.Effect("ruling.effect.rightful", List.of("R-1")),
                new RulingForm.Effect("ruling.effect.revoke", List.of("R-2")),
                new RulingForm.Effect("ruling.effect.penalty", List.of("10", "P-2")));
    }

    @Test
    void aDismissalOrdersNothingEvenWhenEffectsWereFilledIn() {
        RulingForm ruling = new RulingForm("DISMISSED", "No evidence", "Dismissed.", "R-1", true, "10", "key");

        assertThat(ruling.body()).containsOnlyKeys("outcome", "rationale", "partyStatement");
        assertThat(ruling.effects("P-2", "R-2")).extracting(RulingForm.Effect::key)
                .containsExactly("ruling.effect.DISMISSED");
    }

    @Test
    void anUpheldRulingWithoutEffectsSaysSo() {
        RulingForm ruling = new RulingForm("UPHELD", "Warning only", null, null, false, "0", "key");

        assertThat(ruling.effects(null, null)).extracting(RulingForm.Effect::key)
                .containsExactly("ruling.effect.UPHELD", "ruling.effect.none");
    }

    @Test
    void anUncheckedRevocationIsNone() {
        assertThat(new RulingForm("UPHELD", "x", null, null, null, null, "key").revokeRespondentProtection()).isFalse();
    }

    @Test
    void penaltyPointsThatAreNotANumberGoToTheApiAsTypedForItToRefuse() {
        RulingForm ruling = new RulingForm("UPHELD", "x", null, null, false, "ten", "key");

        assertThat(ruling.body()).containsEntry("penaltyPoints", "ten");
    }
}
