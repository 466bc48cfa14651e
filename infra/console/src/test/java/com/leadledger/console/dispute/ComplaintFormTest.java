package com.leadledger.console.dispute;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintFormTest {

    @Test
    void aPriceDumpingComplaintCarriesItsAmountsAsTyped() {
        ComplaintForm form = new ComplaintForm("PRICE_DUMPING", "R-1", "", " Undercut ", "1 250 000", "RUB",
                "1025000,50", "RUB", "5", "key");

        assertThat(form.body()).isEqualTo(Map.of(
                "type", "PRICE_DUMPING",
                "registrationId", "R-1",
                "description", "Undercut",
                "amounts", Map.of(
                        "quotedPrice", Map.of("amount", "1250000", "currency", "RUB"),
                        "allegedPrice", Map.of("amount", "1025000.50", "currency", "RUB"),
                        "entitledDiscountPercent", "5")));
    }

    @Test
    void otherComplaintsAndBlankAmountsSendNoAmounts() {
        assertThat(new ComplaintForm("DUPLICATE_CLAIM", "R-1", null, "First", "1", "RUB", "2", "RUB", "5", "k")
                .body()).doesNotContainKey("amounts");
        assertThat(new ComplaintForm("PRICE_DUMPING", "R-1", null, "x", " ", "RUB", null, "RUB", "", "k")
                .body()).doesNotContainKey("amounts");
    }

    @Test
    void theApisAmountProblemsLandNextToTheirFields() {
        assertThat(ComplaintForm.formField("amounts")).isEqualTo("quotedAmount");
        assertThat(ComplaintForm.formField("amounts.quotedPrice.amount")).isEqualTo("quotedAmount");
        assertThat(ComplaintForm.formField("amounts.allegedPrice.currency")).isEqualTo("allegedAmount");
        assertThat(ComplaintForm.formField("amounts.entitledDiscountPercent")).isEqualTo("entitledDiscountPercent");
        assertThat(ComplaintForm.formField("description")).isEqualTo("description");
    }
}
