package com.leadledger.console.web;

import com.leadledger.localruntime.DemoIdentity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the console is in both languages: the bundles hold the same keys, and every key a page uses. */
class MessageBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private final Properties english = bundle("i18n/messages.properties");
    private final Properties russian = bundle("i18n/messages_ru.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(russian.stringPropertyNames()).as("keys missing in Russian")
                .containsAll(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).as("keys missing in English")
                .containsAll(russian.stringPropertyNames());
    }

    @Test
    void everyKeyThePagesNameIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys the templates name").hasSizeGreaterThan(50);
        assertThat(english.stringPropertyNames()).as("used by a page, missing in English").containsAll(used);
        assertThat(russian.stringPropertyNames()).as("used by a page, missing in Russian").containsAll(used);
    }

    @Test
    void everyChoiceTheConsoleOffersHasItsName() {
        List<String> keys = new ArrayList<>();
        for (DemoIdentity identity : DemoIdentity.values()) {
            keys.add("identity." + identity.name());
        }
        for (String line : List.of("NETWORK_SECURITY", "DATA_CENTER", "COLLABORATION", "CLOUD_SERVICES")) {
            keys.add("productLine." + line);
        }
        for (String reason : List.of("ALREADY_REGISTERED", "INELIGIBLE", "INSUFFICIENT_INFORMATION",
                "EXISTING_VENDOR_DEAL", "OTHER")) {
            keys.add("reason." + reason);
        }
        for (String status : List.of("SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN", "WON", "LOST", "EXPIRED",
                "REVOKED")) {
            keys.add("status." + status);
        }
        assertThat(english.stringPropertyNames()).containsAll(keys);
        assertThat(russian.stringPropertyNames()).containsAll(keys);
    }

    @Test
    void theRussianBundleIsTranslated() {
        long same = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(russian.getProperty(key))).count();
        // only the product's name, the empty-protection dash and the like may read the same in both
        assertThat(same).as("texts left in English in the Russian bundle").isLessThanOrEqualTo(3);
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
