package com.leadledger.console.api;

import java.util.List;

/** One page of a list the API returns. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
