package com.leadledger.kit.csv;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** {@code Accept: text/csv} on every paged list of the service. */
@AutoConfiguration
public class CsvExportConfiguration {

    /**
     * Last in the list: a caller that accepts anything ({@code *}{@code /*}, or no Accept header) still gets JSON,
     * because content negotiation picks the first converter able to write the answer.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer csvPages(JsonMapper mapper) {
        CsvPageConverter csv = new CsvPageConverter(mapper);
        return builder -> builder.configureMessageConvertersList(converters -> converters.add(csv));
    }
}
