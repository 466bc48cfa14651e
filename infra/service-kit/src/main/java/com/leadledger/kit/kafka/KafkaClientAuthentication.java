package com.leadledger.kit.kafka;

import org.apache.kafka.common.config.SaslConfigs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SASL settings of every Kafka client of a service: none with {@code PLAINTEXT} or {@code SSL}; with
 * {@code SASL_PLAINTEXT} or {@code SASL_SSL} the SCRAM mechanism and a {@code sasl.jaas.config} composed from the
 * credentials. Settings that cannot work are refused with a message naming the variables to set.
 */
final class KafkaClientAuthentication {

    static final String PROTOCOL = "LEADLEDGER_KAFKA_SECURITY_PROTOCOL";
    static final String USERNAME = "LEADLEDGER_KAFKA_USERNAME";
    static final String PASSWORD = "LEADLEDGER_KAFKA_PASSWORD";
    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private KafkaClientAuthentication() {
    }

    /**
     * @param securityProtocol Spring Boot's {@code spring.kafka.security.protocol} (null: Kafka's default, PLAINTEXT)
     * @return the client properties to add to every client's configuration
     */
    static Map<String, String> saslProperties(String securityProtocol, KafkaSaslProperties sasl) {
        String protocol = securityProtocol == null ? "PLAINTEXT" : securityProtocol.toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalStateException(PROTOCOL + " is '" + securityProtocol + "': set it to one of " + PROTOCOLS);
        }
        List<String> given = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        (sasl.hasUsername() ? given : missing).add(USERNAME);
        (sasl.hasPassword() ? given : missing).add(PASSWORD);
        if (!protocol.startsWith("SASL_")) {
            if (!given.isEmpty()) {
                throw new IllegalStateException(String.join(" and ", given) + (given.size() == 1 ? " is" : " are")
                        + " set, but " + PROTOCOL + " is " + protocol + ", which sends no credentials: set it to "
                        + "SASL_SSL or SASL_PLAINTEXT, or remove the credentials");
            }
            return Map.of();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(PROTOCOL + " is " + protocol + ", but " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set: set " + USERNAME + " and " + PASSWORD
                    + " to the service's Kafka user and its password");
        }
        return Map.of(SaslConfigs.SASL_MECHANISM, sasl.mechanism(),
                SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(sasl.username(), sasl.password()));
    }

    /**
     * The SCRAM login line with each value in double quotes. Kafka reads it with a {@link java.io.StreamTokenizer}:
     * inside quotes a backslash escapes the next character and a line break ends the value, so {@code \} and
     * {@code "} are escaped and line breaks written as {@code \n} / {@code \r}; no password can end its value early
     * or add options of its own.
     */
    static String scramJaasConfig(String username, String password) {
        return SCRAM_LOGIN_MODULE + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\', '"' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
