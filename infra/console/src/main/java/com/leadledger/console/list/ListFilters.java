package com.leadledger.console.list;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter and sort form of a list page: exactly the parameters the API takes for that list, each a choice or a
 * text. Sent (GET) it shows the first page with the same page size.
 *
 * @param action   the list page's path
 * @param formId   the id of the form
 * @param buttonId the id of its submit button
 * @param fields   the filters and sort
 * @param size     the page size to keep (null: the page's default)
 */
public record ListFilters(String action, String formId, String buttonId, List<Field> fields, String size) {

    /** A choice's value and the message key of its label. */
    public record Option(String value, String labelKey) {
    }

    /**
     * One filter or sort: a select of {@code options}, or a text field when there are none.
     *
     * @param id       the control's id in the page
     * @param name     the query parameter, as the API names it
     * @param labelKey the message key of its label
     * @param value    the value shown ("" for none)
     */
    public record Field(String id, String name, String labelKey, String value, List<Option> options) {

        public Field {
            value = value == null ? "" : value;
            options = List.copyOf(options);
        }

        public boolean isChoice() {
            return !options.isEmpty();
        }
    }

    public ListFilters {
        fields = List.copyOf(fields);
    }

    /** Whether a filter narrows the list (a sort does not). */
    public boolean isFiltered() {
        return fields.stream().anyMatch(f -> !f.name().equals("sort") && !f.value().isBlank());
    }

    /** The value of the field named {@code name} ("" when none). */
    public String value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst().orElse("");
    }

    public static ListFilters at(String action, String formId, String buttonId, String size) {
        return new ListFilters(action, formId, buttonId, List.of(), size == null || size.isBlank() ? null : size);
    }

    /** Adds a choice among {@code values}, each labelled by {@code labelPrefix + value}, after the first options. */
    public ListFilters choice(String id, String name, String labelKey, String value, List<Option> first,
                              List<String> values, String labelPrefix) {
        List<Option> options = new ArrayList<>(first);
        values.forEach(v -> options.add(new Option(v, labelPrefix + v)));
        return with(new Field(id, name, labelKey, value, options));
    }

    /** Adds a text field. */
    public ListFilters text(String id, String name, String labelKey, String value) {
        return with(new Field(id, name, labelKey, value, List.of()));
    }

    private ListFilters with(Field field) {
        List<Field> more = new ArrayList<>(fields);
        more.add(field);
        return new ListFilters(action, formId, buttonId, more, size);
    }
}
