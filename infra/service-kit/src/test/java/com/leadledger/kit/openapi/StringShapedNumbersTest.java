package com.leadledger.kit.openapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class StringShapedNumbersTest {

    record Amounts(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal asString, BigDecimal asNumber) {
    }

    @Test
    void aNumberTheJsonCarriesAsAStringIsADecimalString() throws Exception {
        Schema<?> property = documented("asString");
        assertThat(property.getType()).isEqualTo("string");
        assertThat(property.getFormat()).isEqualTo("decimal");
    }

    @Test
    void anyOtherNumberStaysANumber() throws Exception {
        assertThat(documented("asNumber").getType()).isEqualTo("number");
    }

    private static Schema<?> documented(String field) throws NoSuchFieldException {
        AnnotatedType type = new AnnotatedType(BigDecimal.class)
                .ctxAnnotations(Amounts.class.getDeclaredField(field).getAnnotations());
        return new StringShapedNumbers().customize(new NumberSchema(), type);
    }
}
