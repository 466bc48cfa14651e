package com.leadledger.events.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ООО «Ромашка»|romashka",
            "Romashka LLC|romashka",
            "\"Romashka\", Ltd.|romashka",
            "ПАО “Газ-Пром Нефть”|gaz prom neft",
            "АО Щука и Ёж|shchuka i ezh",
            "Müller GmbH & Co|muller",
            "  ИП   Иванов  |ivanov"
    })
    void normalizes(String raw, String expected) {
        assertThat(CustomerNames.normalize(raw)).isEqualTo(expected);
    }
}
