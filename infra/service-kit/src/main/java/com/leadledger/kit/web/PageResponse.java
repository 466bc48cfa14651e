package com.leadledger.kit.web;

import java.util.List;

/** The paged list shape of the API contract: {@code {"items": [...], "page": 0, "size": 50, "total": N}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
