package com.leadledger.kit.web;

import com.leadledger.kit.domain.RuleViolation;

/** Validates {@code ?page=&size=}: page ≥ 0, 1 ≤ size ≤ {@value #MAX_SIZE}. */
public record PageRequestParams(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    public static PageRequestParams of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw RuleViolation.invalidField("page", "must be 0 or greater");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw RuleViolation.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequestParams(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
