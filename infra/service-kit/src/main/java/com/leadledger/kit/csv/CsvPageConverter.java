package com.leadledger.kit.csv;

import com.leadledger.kit.web.PageResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a paged list as CSV when the caller asks for {@code text/csv}: the same items the JSON answer would hold (the
 * controller, its filters and its authorization are the same), one row each, UTF-8 with a byte-order mark so that
 * spreadsheets read it as UTF-8, quoted as RFC 4180 says, with a header row of column names ({@link CsvColumns}) and
 * every cell a spreadsheet would run as a formula neutralised ({@link CsvCells}). The paging members of the JSON
 * answer ({@code page}, {@code size}, {@code total}) travel in response headers instead.
 */
public class CsvPageConverter extends AbstractGenericHttpMessageConverter<PageResponse<?>> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final JsonMapper mapper;

    public CsvPageConverter(JsonMapper mapper) {
        super(TEXT_CSV);
        this.mapper = mapper;
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return PageResponse.class.isAssignableFrom(clazz);
    }

    @Override
    protected void writeInternal(PageResponse<?> page, Type type, HttpOutputMessage output) throws IOException {
        output.getHeaders().set("X-Page", Integer.toString(page.page()));
        output.getHeaders().set("X-Page-Size", Integer.toString(page.size()));
        output.getHeaders().set("X-Total-Count", Long.toString(page.total()));
        List<JsonNode> rows = new ArrayList<>(page.items().size());
        page.items().forEach(item -> rows.add(mapper.valueToTree(item)));
        List<String> columns = CsvColumns.of(type, rows);
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(columns);
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                cells.add(CsvCells.cell(row, column));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    @Override
    public PageResponse<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV lists are written, not read", input);
    }

    @Override
    protected PageResponse<?> readInternal(Class<? extends PageResponse<?>> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV lists are written, not read", input);
    }
}
