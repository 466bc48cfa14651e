package com.leadledger.query.registration;

import com.leadledger.kit.domain.RuleViolation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The order of a registration list ({@code ?sort=}): newest accepted first (the default) or oldest first. */
enum RegistrationOrder {

    NEWEST("accepted_at DESC, registration_id DESC"),
    OLDEST("accepted_at ASC, registration_id ASC");

    private final String orderBy;

    RegistrationOrder(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    /** {@code newest} or {@code oldest}; absent or blank is {@code newest}. */
    static RegistrationOrder of(String sort) {
        if (sort == null || sort.isBlank()) {
            return NEWEST;
        }
        return Arrays.stream(values()).filter(o -> o.name().toLowerCase(Locale.ROOT).equals(sort.strip()))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalidField("sort", "must be one of " + Arrays.stream(values())
                        .map(o -> o.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
