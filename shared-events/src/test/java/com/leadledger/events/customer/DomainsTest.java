package com.leadledger.events.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainsTest {

    @ParameterizedTest
    @CsvSource({
            "romashka.ru, romashka.ru",
            "https://www.Romashka.RU:8443/contacts?x=1, romashka.ru",
            "WWW.romashka.ru., romashka.ru",
            "http://user@shop.romashka.ru/, shop.romashka.ru",
            "ромашка.рф, xn--80aa3agjl3d.xn--p1ai",
            "https://www.Ромашка.РФ/, xn--80aa3agjl3d.xn--p1ai"
    })
    void normalizes(String raw, String expected) {
        assertThat(Domains.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "not a domain", "-bad-.com", "exa_mple.com", "a..b.com", "' or 1=1 --"})
    void refusesWhatIsNotAHostName(String raw) {
        assertThatThrownBy(() -> Domains.normalize(raw)).isInstanceOf(InvalidIdentifierException.class);
    }
}
