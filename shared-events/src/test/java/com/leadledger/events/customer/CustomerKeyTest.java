package com.leadledger.events.customer;

import com.leadledger.events.opportunity.OpportunityIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerKeyTest {

    @Test
    void prefersTheTaxIdOverTheDomain() {
        var customer = new CustomerIdentity("ООО «Ромашка»", "RU", "RU:7707083893", "romashka.ru", null);
        assertThat(customer.key()).isEqualTo(new CustomerKey("RU:7707083893"));
    }

    @Test
    void fallsBackToTheDomain() {
        var customer = new CustomerIdentity("Romashka", "RU", null, "romashka.ru", null);
        assertThat(customer.key().value()).isEqualTo("romashka.ru");
    }

    @Test
    void needsAStrongIdentifier() {
        var customer = new CustomerIdentity("Romashka", "RU", null, null, null);
        assertThatThrownBy(customer::key).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void opportunityIdIsDeterministicPerKeyAndProductLine() {
        var key = new CustomerKey("RU:7707083893");
        assertThat(OpportunityIds.idFor(key, "NETWORK_SECURITY"))
                .isEqualTo(OpportunityIds.idFor(new CustomerKey("RU:7707083893"), "NETWORK_SECURITY"))
                .isNotEqualTo(OpportunityIds.idFor(key, "DATA_CENTER"))
                .matches("[0-9a-f-]{36}");
    }
}
