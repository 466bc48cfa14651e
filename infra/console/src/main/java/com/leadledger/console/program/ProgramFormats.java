package com.leadledger.console.program;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;

/**
 * Figures of the program's pages in the page's language ({@code ${@programFormats.number(...)}} in the templates):
 * volumes, percentages and shares as numbers with the locale's separators, as many decimals as they have (at most
 * four); a missing figure as a dash.
 */
@Component("programFormats")
public class ProgramFormats {

    public String number(Object value) {
        if (value == null) {
            return "—";
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(4);
        return format.format(number);
    }
}
