package com.leadledger.console.extension;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExtensionRequestFormTest {

    @Test
    void theBodyIsWhatWasTypedForTheApiToJudge() {
        assertThat(new ExtensionRequestForm("  board meets next month ", " 20 ", "k").body())
                .isEqualTo(Map.of("reason", "board meets next month", "days", 20));
        assertThat(new ExtensionRequestForm(null, "", "k").body()).as("a blank reason is sent for the API to name; "
                + "no days asks for the longest").isEqualTo(Map.of("reason", ""));
        assertThat(new ExtensionRequestForm("r", "twenty", "k").body()).containsEntry("days", "twenty");
    }

    @Test
    void aRefusalKeepsWhatWasTypedUnderANewKey() {
        ExtensionRequestForm form = ExtensionRequestForm.empty();
        ExtensionRequestForm again = new ExtensionRequestForm("r", "45", form.idempotencyKey()).withNewKey();
        assertThat(again.reason()).isEqualTo("r");
        assertThat(again.days()).isEqualTo("45");
        assertThat(again.idempotencyKey()).isNotEqualTo(form.idempotencyKey());
    }

    @Test
    void aTooLongExtensionConcernsTheDays() {
        assertThat(ExtensionRequestForm.fieldOf("EXTENSION_TOO_LONG")).isEqualTo("days");
        assertThat(ExtensionRequestForm.fieldOf("NOT_PROTECTED")).isNull();
        assertThat(ExtensionRequestForm.fieldOf(null)).isNull();
    }
}
