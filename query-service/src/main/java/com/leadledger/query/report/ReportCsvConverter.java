package com.leadledger.query.report;

import com.leadledger.kit.csv.CsvPageConverter;
import com.leadledger.kit.web.PageResponse;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Writes a report's rows as CSV exactly as every list of the service is written ({@link CsvPageConverter}: same
 * quoting, columns and formula neutralising), with the report's period and instant in {@code X-Report-*} headers.
 */
class ReportCsvConverter extends AbstractGenericHttpMessageConverter<ReportAnswer<?>> {

    private final CsvPageConverter pages;

    ReportCsvConverter(CsvPageConverter pages) {
        super(CsvPageConverter.TEXT_CSV);
        this.pages = pages;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return ReportAnswer.class.isAssignableFrom(clazz);
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
    protected void writeInternal(ReportAnswer<?> report, Type type, HttpOutputMessage output) throws IOException {
        output.getHeaders().set("X-Report", report.report());
        output.getHeaders().set("X-Report-From", report.from().toString());
        output.getHeaders().set("X-Report-To", report.to().toString());
        output.getHeaders().set("X-Report-As-Of", report.asOf().toString());
        Class<?> row = ResolvableType.forType(type).as(ReportAnswer.class).getGeneric(0).resolve(Object.class);
        Type pageType = ResolvableType.forClassWithGenerics(PageResponse.class, row).getType();
        pages.write(new PageResponse<>(report.rows(), 0, report.rows().size(), report.rows().size()), pageType,
                CsvPageConverter.TEXT_CSV, output);
    }

    @Override
    public ReportAnswer<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Reports are written, not read", input);
    }

    @Override
    protected ReportAnswer<?> readInternal(Class<? extends ReportAnswer<?>> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Reports are written, not read", input);
    }
}
