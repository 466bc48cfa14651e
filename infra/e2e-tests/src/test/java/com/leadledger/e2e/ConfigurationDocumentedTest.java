package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference in {@code docs/operations.md} is checked against the code: every environment variable
 * the services, launcher, tests and CI read is in its table and every variable of the table is read somewhere; every
 * {@code leadledger.*} setting the code declares (Spring Boot's configuration metadata of the typed settings records)
 * is documented by name.
 */
class ConfigurationDocumentedTest {

    /** Variables Spring Boot itself reads. */
    private static final Set<String> SPRING_OWN = Set.of("SPRING_PROFILES_ACTIVE");
    private static final Pattern ENV_IN_CODE = Pattern.compile("[\"{]((?:LEADLEDGER|AXONIQ)_[A-Z0-9_]+)[\":}]");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final List<String> MODULES_WITH_SETTINGS =
            List.of("infra/service-kit", "command-service", "query-service");

    private final Path root = ProjectPaths.root();
    private final String operations = read(root.resolve("docs/operations.md"));

    @Test
    void everyEnvironmentVariableTheCodeReadsIsInTheTableAndNoOther() {
        Set<String> read = environmentVariablesReadByTheCode();
        Set<String> documented = environmentVariablesOfTheTable();

        assertThat(read).as("read by the code, missing from docs/operations.md's table").isSubsetOf(documented);
        assertThat(documented).as("in docs/operations.md's table, read nowhere").isSubsetOf(read);
    }

    @Test
    void everyLeadLedgerSettingIsDocumentedByName() {
        Set<String> declared = new TreeSet<>();
        for (String module : MODULES_WITH_SETTINGS) {
            Path metadata = root.resolve(module).resolve("target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(metadata).as("built by the configuration processor; build the module first").exists();
            for (JsonNode property : json(metadata).get("properties")) {
                String name = property.get("name").asText();
                if (name.startsWith("leadledger.")) {
                    declared.add(name);
                }
            }
        }
        assertThat(declared).as("the typed settings records declare settings").isNotEmpty();

        assertThat(declared.stream().filter(name -> !operations.contains("`" + name + "`")))
                .as("settings missing from docs/operations.md (write each full name in backticks)").isEmpty();
    }

    /** String literals and {@code ${NAME:…}} placeholders in main code, configuration, POMs and the CI script. */
    private Set<String> environmentVariablesReadByTheCode() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(this::isCodeOrConfiguration)
                    .forEach(file -> {
                        String text = read(file);
                        collect(ENV_IN_CODE, text, names);
                        if (file.toString().endsWith(".yml")) {
                            collect(ENV_PLACEHOLDER, text, names);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.addAll(SPRING_OWN);
        return names;
    }

    private boolean isCodeOrConfiguration(Path file) {
        String path = root.relativize(file).toString().replace('\\', '/');
        if (path.contains("/target/") || path.startsWith(".git/") || path.contains("/src/test/")) {
            return false;
        }
        return path.equals(".ci/run") || path.endsWith("pom.xml")
                || path.contains("/src/main/") && (path.endsWith(".java") || path.endsWith(".yml"));
    }

    /** The first column of the table under "## Configuration" (names in backticks, several per row allowed). */
    private Set<String> environmentVariablesOfTheTable() {
        String section = operations.substring(operations.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Set<String> names = new TreeSet<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                String firstColumn = line.split("\\|")[1];
                Matcher m = CODE_SPAN.matcher(firstColumn);
                while (m.find()) {
                    if (m.group(1).matches("[A-Z][A-Z0-9_]+")) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        assertThat(names).as("the environment table of docs/operations.md").isNotEmpty();
        return names;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
