package com.leadledger.e2e;

import com.leadledger.localruntime.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/security.md} names the test behind every control and {@code docs/reliability.md} the test behind every
 * guarantee; each name must be a test class of this repository and, where a method is named, a test method of it. A
 * renamed or deleted test cannot leave a doc promising it, and no guarantee row may stand without a test.
 */
class DocsNameRealTestsTest {

    private static final Path ROOT = ProjectPaths.root();
    private static final Pattern TEST_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))(?:\\.([a-z][A-Za-z0-9]*))?`");

    @Test
    void everyTestTheSecurityDocNamesExists() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/security.md"));
        assertThat(missingTests(doc)).isEmpty();
        assertThat(TEST_NAME.matcher(doc).results().count()).as("tests named in docs/security.md")
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyGuaranteeOfTheReliabilityDocNamesExistingTests() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/reliability.md"));
        assertThat(missingTests(doc)).isEmpty();
        List<String> rows = doc.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| guarantee"))
                .toList();
        assertThat(rows).as("guarantee rows").hasSizeGreaterThanOrEqualTo(20);
        assertThat(rows).as("rows without a test in their last column")
                .filteredOn(row -> !TEST_NAME.matcher(row.substring(row.lastIndexOf("| ", row.length() - 2))).find())
                .isEmpty();
    }

    private static List<String> missingTests(String doc) throws IOException {
        Map<String, Path> testClasses = testClasses();
        Matcher names = TEST_NAME.matcher(doc);
        List<String> missing = new ArrayList<>();
        while (names.find()) {
            Path source = testClasses.get(names.group(1));
            if (source == null) {
                missing.add(names.group(1) + " (no such test class)");
            } else if (names.group(2) != null && !Files.readString(source).contains("void " + names.group(2) + "(")) {
                missing.add(names.group(0) + " (no such test method in " + ROOT.relativize(source) + ")");
            }
        }
        return missing;
    }

    private static Map<String, Path> testClasses() throws IOException {
        Map<String, Path> classes = new LinkedHashMap<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                return !dir.equals(ROOT) && (name.startsWith(".") || name.equals("target")
                        || name.equals("node_modules")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().contains("/src/test/java/") && file.toString().endsWith(".java")) {
                    classes.put(file.getFileName().toString().replace(".java", ""), file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return classes;
    }
}
