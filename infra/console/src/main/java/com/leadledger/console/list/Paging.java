package com.leadledger.console.list;

import com.leadledger.console.api.Page;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paging controls of a list page: where the page is among all of them (page x of y, items shown of the total),
 * links to the previous and next page, and the page sizes offered. Every link is the page's own URL with the same
 * filters and sort, so a page is bookmarkable and works without script.
 *
 * @param path    the list page's path
 * @param kept    the page's query parameters other than {@code page}, {@code size} and {@code lang}
 * @param page    the page shown, from 0
 * @param size    items per page
 * @param total   items in the whole list
 */
public record Paging(String path, MultiValueMap<String, String> kept, int page, int size, long total) {

    /** The page sizes offered (the API takes up to 200). */
    public static final List<Integer> SIZES = List.of(10, 20, 50, 100, 200);

    private static final Set<String> NOT_KEPT = Set.of("page", "size", "lang");

    public Paging {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
        kept.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        kept = copy;
    }

    /** The paging of {@code shown}, on the page at {@code path} asked for with {@code parameters}. */
    public static Paging of(String path, Map<String, String[]> parameters, Page<?> shown) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        parameters.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name)) {
                kept.put(name, List.of(values));
            }
        });
        return new Paging(path, kept, shown.page(), shown.size(), shown.total());
    }

    /** The page's number as people count, from 1. */
    public int number() {
        return page + 1;
    }

    /** Pages in all; an empty list has one (empty) page. */
    public long pageCount() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** The first item shown, counted from 1; 0 when the page is empty. */
    public long first() {
        return Math.min(total, (long) page * size + 1);
    }

    /** The last item shown, counted from 1. */
    public long last() {
        return Math.min(total, (long) (page + 1) * size);
    }

    public String previousHref() {
        return href(page - 1);
    }

    public String nextHref() {
        return href(page + 1);
    }

    /** This page's URL showing page {@code to}, with the same size, filters and sort. */
    public String href(int to) {
        return UriComponentsBuilder.fromPath(path).queryParams(kept).queryParam("page", to)
                .queryParam("size", size).encode().build().toUriString();
    }

    /** The filters and sort, as the hidden fields of the page-size form (which starts again at the first page). */
    public List<Map.Entry<String, String>> keptFields() {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        kept.forEach((name, values) -> values.forEach(value -> fields.add(Map.entry(name, value))));
        return fields;
    }

    /** The sizes offered, with this page's own when it is not one of them (asked for in the URL). */
    public List<Integer> sizes() {
        if (SIZES.contains(size)) {
            return SIZES;
        }
        List<Integer> sizes = new ArrayList<>(SIZES);
        sizes.add(size);
        sizes.sort(null);
        return List.copyOf(sizes);
    }
}
