package com.leadledger.command.config;

import java.util.Map;
import java.util.Properties;

/**
 * Axon's update checker calls the internet from every JVM that runs Axon, and only a system property or an
 * environment variable can turn it off (Axon reads them before Spring's properties exist). A service should not phone
 * home unless its operator asks for it, so {@code main()} turns the checker off before Spring starts, unless the
 * operator decided either way with {@value #PROPERTY} or {@value #VARIABLE}.
 */
public final class AxonUpdateChecker {

    static final String PROPERTY = "axoniq.update-checker.disabled";
    static final String VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";

    private AxonUpdateChecker() {
    }

    /** For {@code main()}: this JVM's system properties and environment. */
    public static void offUnlessOperatorDecided() {
        offUnlessOperatorDecided(System.getProperties(), System.getenv());
    }

    static void offUnlessOperatorDecided(Properties systemProperties, Map<String, String> environment) {
        if (systemProperties.getProperty(PROPERTY) == null && environment.get(VARIABLE) == null) {
            systemProperties.setProperty(PROPERTY, "true");
        }
    }
}
