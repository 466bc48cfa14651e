package com.leadledger.testsupport;

/** Reads a setting from the environment, falling back to a JVM system property of the same name. */
final class Settings {

    private Settings() {
    }

    static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }
}
