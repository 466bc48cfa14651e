package com.leadledger.console.list;

import com.leadledger.console.api.Page;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PagingTest {

    private static Paging paging(Map<String, String[]> parameters, int page, int size, long total) {
        return Paging.of("/console/registrations", parameters, new Page<>(List.of(), page, size, total));
    }

    @Test
    void theFirstOfSeveralPagesHasANextPageAndNoPreviousOne() {
        Paging first = paging(Map.of(), 0, 10, 25);

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(10);
        assertThat(first.nextHref()).isEqualTo("/console/registrations?page=1&size=10");
    }

    @Test
    void theLastPageHasAPreviousPageAndNoNextOneAndShowsOnlyWhatIsLeft() {
        Paging last = paging(Map.of(), 2, 10, 25);

        assertThat(last.number()).isEqualTo(3);
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.hasNext()).isFalse();
        assertThat(last.first()).isEqualTo(21);
        assertThat(last.last()).isEqualTo(25);
        assertThat(last.previousHref()).isEqualTo("/console/registrations?page=1&size=10");
    }

    @Test
    void aListThatFillsItsLastPageExactlyHasNoFurtherPage() {
        Paging full = paging(Map.of(), 1, 10, 20);

        assertThat(full.pageCount()).isEqualTo(2);
        assertThat(full.hasNext()).isFalse();
    }

    @Test
    void anEmptyListIsOneEmptyPage() {
        Paging empty = paging(Map.of(), 0, 50, 0);

        assertThat(empty.pageCount()).isEqualTo(1);
        assertThat(empty.hasPrevious()).isFalse();
        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.first()).isZero();
        assertThat(empty.last()).isZero();
    }

    @Test
    void aPageBeyondTheEndLeadsBackAndNotFurther() {
        Paging beyond = paging(Map.of(), 7, 10, 25);

        assertThat(beyond.hasPrevious()).isTrue();
        assertThat(beyond.hasNext()).isFalse();
        assertThat(beyond.first()).isEqualTo(25);
        assertThat(beyond.last()).isEqualTo(25);
    }

    @Test
    void linksKeepTheFiltersAndSortEncodedAndDropTheLanguageSwitch() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("status", new String[] {"SUBMITTED"});
        parameters.put("q", new String[] {"ООО Ромашка & Co"});
        parameters.put("page", new String[] {"1"});
        parameters.put("size", new String[] {"20"});
        parameters.put("lang", new String[] {"ru"});
        Paging paging = paging(parameters, 1, 20, 100);

        assertThat(paging.nextHref()).isEqualTo("/console/registrations?status=SUBMITTED"
                + "&q=%D0%9E%D0%9E%D0%9E%20%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0%20%26%20Co&page=2&size=20");
        assertThat(paging.keptFields()).containsExactly(entry("status", "SUBMITTED"), entry("q", "ООО Ромашка & Co"));
    }

    @Test
    void theSizesOfferedIncludeOneAskedForInTheUrl() {
        assertThat(paging(Map.of(), 0, 50, 10).sizes()).containsExactly(10, 20, 50, 100, 200);
        assertThat(paging(Map.of(), 0, 30, 10).sizes()).containsExactly(10, 20, 30, 50, 100, 200);
    }

    @Test
    void itKeepsItsOwnCopyOfTheParameters() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("status", new String[] {"SUBMITTED"});
        Paging paging = paging(parameters, 0, 10, 30);
        parameters.put("status", new String[] {"APPROVED"});

        assertThat(paging.nextHref()).isEqualTo("/console/registrations?status=SUBMITTED&page=1&size=10");
    }
}
