package com.leadledger.kit.limits;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Request strings may not carry control characters other than tab and line breaks (a NUL, for one, cannot be stored
 * in PostgreSQL text or JSON and would poison every consumer of the event), nor unpaired surrogates.
 */
public class SafeStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && !isSafe(value)) {
            return (String) context.handleWeirdStringValue(String.class, value,
                    "must not contain control characters or broken Unicode");
        }
        return value;
    }

    static boolean isSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
