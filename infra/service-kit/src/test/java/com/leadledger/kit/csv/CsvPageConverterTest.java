package com.leadledger.kit.csv;

import com.leadledger.kit.web.PageResponse;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvPageConverterTest {

    record Amount(BigDecimal amount, String currency) {
    }

    record Item(String id, String name, Amount value, List<String> tags, Map<String, Object> extra, Amount refund) {
    }

    private final CsvPageConverter converter = new CsvPageConverter(JsonMapper.builder().build());

    private String write(PageResponse<?> page, java.lang.reflect.Type type) throws Exception {
        MockHttpOutputMessage output = new MockHttpOutputMessage();
        converter.write(page, type, CsvPageConverter.TEXT_CSV, output);
        return output.getBodyAsString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneRowPerItemWithFlattenedRecordsQuotedAsRfc4180AfterAByteOrderMark() throws Exception {
        var type = new ParameterizedTypeReference<PageResponse<Item>>() { }.getType();
        PageResponse<Item> page = new PageResponse<>(List.of(
                new Item("1", "Ромашка, \"ООО\"", new Amount(new BigDecimal("10.50"), "RUB"), List.of("a", "b"),
                        Map.of("k", 1), null),
                new Item("2", "line\nbreak", null, List.of(), Map.of(), new Amount(BigDecimal.ONE, "EUR"))),
                0, 50, 2);

        String csv = write(page, type);

        assertThat(csv).isEqualTo("\uFEFF"
                + "id,name,value.amount,value.currency,tags,extra,refund.amount,refund.currency\r\n"
                + "1,\"Ромашка, \"\"ООО\"\"\",10.50,RUB,\"[\"\"a\"\",\"\"b\"\"]\",\"{\"\"k\"\":1}\",,\r\n"
                + "2,\"line\nbreak\",,,[],{},1,EUR\r\n");
    }

    @Test
    void writesNumbersPlainlyAsTheJsonAnswerDoes() throws Exception {
        var type = new ParameterizedTypeReference<PageResponse<Amount>>() { }.getType();
        PageResponse<Amount> page = new PageResponse<>(List.of(new Amount(new BigDecimal("1E+1"), "RUB"),
                new Amount(new BigDecimal("36.00"), "RUB")), 0, 50, 2);

        assertThat(write(page, type)).isEqualTo("\uFEFFamount,currency\r\n10,RUB\r\n36.00,RUB\r\n");
    }

    @Test
    void everyAnswerOfARecordListHasTheSameColumnsEvenWhenEmpty() throws Exception {
        var type = new ParameterizedTypeReference<PageResponse<Item>>() { }.getType();

        assertThat(write(new PageResponse<>(List.of(), 3, 50, 0), type)).isEqualTo("\uFEFF"
                + "id,name,value.amount,value.currency,tags,extra,refund.amount,refund.currency\r\n");
    }

    @Test
    void takesTheColumnsFromTheRowsWhenTheItemTypeIsNotDeclared() throws Exception {
        var type = new ParameterizedTypeReference<PageResponse<?>>() { }.getType();
        PageResponse<?> page = new PageResponse<>(List.of(Map.of("a", 1), Map.of("b", Map.of("c", "x"))), 0, 50, 2);

        // an empty first cell is quoted, so that a row of empty cells is never an empty line
        assertThat(write(page, type)).isEqualTo("\uFEFFa,b.c\r\n1,\r\n\"\",x\r\n");
    }

    @Test
    void neutralisesEveryCellASpreadsheetWouldRunAsAFormula() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvCells.neutralised(formula)).isEqualTo("'" + formula);
        }
        assertThat(CsvCells.neutralised("1-1")).isEqualTo("1-1");
        assertThat(CsvCells.neutralised("")).isEmpty();
    }

    @Test
    void answersOnlyCsvAndOnlyForPagedLists() {
        assertThat(converter.canWrite(PageResponse.class, CsvPageConverter.TEXT_CSV)).isTrue();
        assertThat(converter.canWrite(PageResponse.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canWrite(String.class, CsvPageConverter.TEXT_CSV)).isFalse();
        assertThat(converter.canRead(PageResponse.class, CsvPageConverter.TEXT_CSV)).isFalse();
    }
}
