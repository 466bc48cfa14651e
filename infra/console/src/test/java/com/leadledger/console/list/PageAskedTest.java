package com.leadledger.console.list;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class PageAskedTest {

    @Test
    void nothingAskedIsTheFirstPageOfTheDefaultSize() {
        assertThat(PageAsked.of(null, " ", 50)).isEqualTo(new PageAsked(0, 50));
        assertThat(PageAsked.of("3", "200", 50)).isEqualTo(new PageAsked(3, 200));
    }

    @Test
    void valuesTheApiWouldRefuseAreRefusedNamingTheField() {
        assertRefused("-1", null, "page", "must be 0 or greater");
        assertRefused("abc", null, "page", "must be a whole number");
        assertRefused(null, "0", "size", "must be between 1 and 200");
        assertRefused(null, "201", "size", "must be between 1 and 200");
    }

    private static void assertRefused(String page, String size, String field, String message) {
        assertThatExceptionOfType(PageAsked.Refused.class).isThrownBy(() -> PageAsked.of(page, size, 50))
                .satisfies(refused -> {
                    assertThat(refused.problem().status()).isEqualTo(400);
                    assertThat(refused.problem().byField()).containsExactly(entry(field, message));
                });
    }
}
