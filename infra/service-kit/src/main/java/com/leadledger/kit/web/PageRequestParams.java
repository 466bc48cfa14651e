package com.leadledger.kit.web;

import com.leadledger.kit.problem.ApiException;

/** Validates {@code ?page=&size=}: page ≥ 0, 1 ≤ size ≤ {@value #MAX_SIZE}. */
public record PageRequestParams(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    public static PageRequestParams of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiException.badField("VALIDATION_FAILED", "page", "must be 0 or greater");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badField("VALIDATION_FAILED", "size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequestParams(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
