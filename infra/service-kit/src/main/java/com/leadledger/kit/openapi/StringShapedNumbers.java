package com.leadledger.kit.openapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * A number the JSON carries as a string ({@code @JsonFormat(shape = STRING)}, as money amounts are) is documented
 * as a decimal string, which is what a client receives.
 */
final class StringShapedNumbers implements PropertyCustomizer {

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property != null && isNumber(property) && shapedAsString(type.getCtxAnnotations())) {
            property.setType("string");
            property.setTypes(Set.of("string"));
            property.setFormat("decimal");
        }
        return property;
    }

    private static boolean isNumber(Schema<?> property) {
        return "number".equals(property.getType())
                || (property.getTypes() != null && property.getTypes().contains("number"));
    }

    private static boolean shapedAsString(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof JsonFormat format && format.shape() == JsonFormat.Shape.STRING) {
                return true;
            }
        }
        return false;
    }
}
