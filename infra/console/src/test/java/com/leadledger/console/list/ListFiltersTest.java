package com.leadledger.console.list;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListFiltersTest {

    private static final List<ListFilters.Option> ALL = List.of(new ListFilters.Option("", "list.all"));

    @Test
    void aChoiceListsItsFirstOptionsThenEachValueLabelledByItsKey() {
        ListFilters filters = ListFilters.at("/console/registrations", "form", "apply", "20")
                .choice("filter-status", "status", "field.status", "APPROVED", ALL, List.of("SUBMITTED", "APPROVED"),
                        "status.");

        ListFilters.Field status = filters.fields().get(0);
        assertThat(status.isChoice()).isTrue();
        assertThat(status.value()).isEqualTo("APPROVED");
        assertThat(status.options()).containsExactly(new ListFilters.Option("", "list.all"),
                new ListFilters.Option("SUBMITTED", "status.SUBMITTED"),
                new ListFilters.Option("APPROVED", "status.APPROVED"));
        assertThat(filters.size()).isEqualTo("20");
    }

    @Test
    void aSortDoesNotCountAsAFilter() {
        ListFilters sorted = ListFilters.at("/console/registrations", "form", "apply", null)
                .choice("filter-status", "status", "field.status", null, ALL, List.of("SUBMITTED"), "status.")
                .choice("sort", "sort", "list.sort", "oldest", List.of(), List.of("newest", "oldest"), "list.sort.");

        assertThat(sorted.isFiltered()).isFalse();
        assertThat(sorted.value("sort")).isEqualTo("oldest");
        assertThat(sorted.value("status")).isEmpty();
        assertThat(sorted.size()).isNull();
    }

    @Test
    void aTextOrAChosenValueFilters() {
        ListFilters byAggregate = ListFilters.at("/console/admin/dead-letters", "form", "apply", "")
                .text("filter-aggregate-id", "aggregateId", "admin.field.aggregate", "opp-1");

        assertThat(byAggregate.fields().get(0).isChoice()).isFalse();
        assertThat(byAggregate.isFiltered()).isTrue();
        assertThat(byAggregate.size()).as("a blank size keeps the page's default").isNull();
    }
}
