package com.leadledger.query.report;

import com.leadledger.kit.csv.CsvPageConverter;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** {@code Accept: text/csv} on every report; JSON stays the answer for a caller that accepts anything. */
@Configuration(proxyBeanMethods = false)
class ReportCsvConfiguration {

    @Bean
    ServerHttpMessageConvertersCustomizer csvReports(JsonMapper mapper) {
        ReportCsvConverter csv = new ReportCsvConverter(new CsvPageConverter(mapper));
        return builder -> builder.configureMessageConvertersList(converters -> converters.add(csv));
    }
}
