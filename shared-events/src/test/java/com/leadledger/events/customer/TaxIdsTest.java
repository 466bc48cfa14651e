package com.leadledger.events.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxIdsTest {

    @ParameterizedTest
    @CsvSource({
            "7707083893, RU:7707083893",          // INN, legal entity
            "77-0708 3893, RU:7707083893",        // spaces and dashes are stripped
            "500100732259, RU:500100732259",      // INN, individual entrepreneur
            "1027700132195, RU:1027700132195",    // OGRN
            "304500116000157, RU:304500116000157" // OGRNIP
    })
    void normalizesValidRussianIds(String raw, String expected) {
        assertThat(TaxIds.normalize("RU", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"7707083894", "500100732258", "500100732269", "1027700132196", "304500116000158"})
    void refusesWrongCheckDigits(String raw) {
        assertThatThrownBy(() -> TaxIds.normalize("RU", raw))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.code()).isEqualTo("TAX_ID_CHECKSUM"));
    }

    @ParameterizedTest
    @CsvSource({"770708389", "77070838931", "77O7083893", "12345678901234"})
    void refusesMalformedRussianIds(String raw) {
        assertThatThrownBy(() -> TaxIds.normalize("RU", raw))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.code()).isEqualTo("TAX_ID_FORMAT"));
    }

    @Test
    void upperCasesForeignIdsAndPrefixesTheCountry() {
        assertThat(TaxIds.normalize("DE", "de 123-456-789")).isEqualTo("DE:DE123456789");
    }

    @Test
    void refusesForeignIdsWithSymbols() {
        assertThatThrownBy(() -> TaxIds.normalize("DE", "DE123';--"))
                .isInstanceOf(InvalidIdentifierException.class);
    }
}
