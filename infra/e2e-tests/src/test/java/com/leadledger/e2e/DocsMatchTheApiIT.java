package com.leadledger.e2e;

import com.leadledger.e2e.DocReferences.RelativeLink;
import com.leadledger.e2e.DocReferences.Request;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The documentation keeps step with the product. Every relative link in {@code README.md} and {@code docs/*.md} leads
 * to an existing file (and, with an {@code #anchor}, to an existing heading); every request the docs show — each
 * {@code curl} command in a fenced code block, each request line of {@code docs/api.http} — names a method and path
 * that the OpenAPI document of the service on that port describes (8081 command, 8082 query), as served by the
 * running services.
 */
class DocsMatchTheApiIT {

    static final Path ROOT = ProjectPaths.root();
    static final Path HTTP_FILE = ROOT.resolve("docs/api.http");

    private static Map<Integer, ServiceApi> services;

    private record ServiceApi(String name, OpenApiEndpoints endpoints) {
    }

    @Test
    void everyRelativeLinkLeadsToAnExistingFileAndHeading() {
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path doc : markdownDocuments()) {
            for (RelativeLink link : DocReferences.relativeLinks(read(doc))) {
                links++;
                brokenLink(doc, link).ifPresent(problems::add);
            }
        }
        assertThat(links).as("relative links in README.md and docs/").isPositive();
        if (!problems.isEmpty()) {
            fail("Broken links in the docs:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void everyDocumentedRequestNamesAnEndpointOfItsService() {
        List<String> problems = new ArrayList<>();
        int curlCommands = 0;
        for (Path doc : markdownDocuments()) {
            for (Request request : DocReferences.curlRequests(read(doc))) {
                curlCommands++;
                unknownEndpoint(name(doc), request).ifPresent(problems::add);
            }
        }
        List<Request> httpFileRequests = DocReferences.httpFileRequests(read(HTTP_FILE));
        httpFileRequests.forEach(request -> unknownEndpoint(name(HTTP_FILE), request).ifPresent(problems::add));

        assertThat(curlCommands).as("curl commands in README.md and docs/").isGreaterThan(50);
        assertThat(httpFileRequests).as("requests in docs/api.http").hasSizeGreaterThan(30);
        if (!problems.isEmpty()) {
            fail("Requests in the docs that the services do not offer:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void aWrongPathIsNamedWithItsDocumentLineAndService() {
        String doc = """
                # Example

                ```bash
                curl -s localhost:8082/api/v1/registrations/$REG_A -H "Authorization: Bearer $PARTNER_A_TOKEN"
                curl -s -X POST localhost:8081/api/v1/registrations/$REG_A/aprove \\
                  -H "Authorization: Bearer $MANAGER_TOKEN" -d '{"discountPercent": 5}'
                curl -s localhost:8082/api/v1/review-queue?level=1 -H "Authorization: Bearer $MANAGER_TOKEN"
                curl -s localhost:8081/api/v1/review-queue -H "Authorization: Bearer $MANAGER_TOKEN"
                ```
                """;
        List<String> problems = DocReferences.curlRequests(doc).stream()
                .map(request -> unknownEndpoint("example.md", request)).flatMap(Optional::stream).toList();

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("example.md:5: POST /api/v1/registrations/$REG_A/aprove "
                + "is not an endpoint of the command service (localhost:8081)");
        assertThat(problems.get(1)).startsWith("example.md:8: GET /api/v1/review-queue "
                + "is not an endpoint of the command service (localhost:8081)");
    }

    private static Optional<String> brokenLink(Path doc, RelativeLink link) {
        String where = name(doc) + ":" + link.line() + ": link " + link.target();
        int hash = link.target().indexOf('#');
        String file = hash < 0 ? link.target() : link.target().substring(0, hash);
        String anchor = hash < 0 ? "" : link.target().substring(hash + 1);
        Path target = file.isEmpty() ? doc
                : doc.getParent().resolve(URLDecoder.decode(file.replace("+", "%2B"), StandardCharsets.UTF_8)).normalize();
        if (!target.startsWith(ROOT)) {
            return Optional.of(where + " leaves the repository");
        }
        if (!Files.exists(target)) {
            return Optional.of(where + ": no such file " + name(target));
        }
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        if (!target.toString().endsWith(".md")) {
            return Optional.of(where + ": an anchor into a file that is not Markdown");
        }
        if (!DocReferences.headingIds(read(target)).contains(anchor)) {
            return Optional.of(where + ": " + name(target) + " has no heading with the id '" + anchor + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> unknownEndpoint(String doc, Request request) {
        String where = doc + ":" + request.line() + ": ";
        ServiceApi service = services().get(request.port());
        if (service == null) {
            return Optional.of(where + "no service URL (localhost:8081 command, localhost:8082 query, $COMMAND_URL or "
                    + "$QUERY_URL) in: " + shortened(request.text()));
        }
        if (service.endpoints().has(request.method(), request.path())) {
            return Optional.empty();
        }
        List<String> otherMethods = service.endpoints().methodsFor(request.path());
        return Optional.of(where + request.method() + " " + request.path() + " is not an endpoint of the "
                + service.name() + " service (localhost:" + request.port() + ")"
                + (otherMethods.isEmpty() ? "" : "; it offers " + String.join(", ", otherMethods))
                + " — in: " + shortened(request.text()));
    }

    /** Both services' OpenAPI documents, fetched once from the running system. */
    private static synchronized Map<Integer, ServiceApi> services() {
        if (services == null) {
            LeadLedgerSystem system = LeadLedgerSystem.get();
            services = Map.of(
                    DocReferences.COMMAND_PORT, new ServiceApi("command", endpoints(system.commandApi)),
                    DocReferences.QUERY_PORT, new ServiceApi("query", endpoints(system.queryApi)));
        }
        return services;
    }

    private static OpenApiEndpoints endpoints(HttpApi api) {
        HttpApi.Answer answer = api.get("/v3/api-docs", null);
        assertThat(answer.status()).as("/v3/api-docs: " + answer.raw()).isEqualTo(200);
        OpenApiEndpoints endpoints = OpenApiEndpoints.of(answer.body());
        assertThat(endpoints.size()).as("operations in /v3/api-docs").isPositive();
        return endpoints;
    }

    private static List<Path> markdownDocuments() {
        Path docs = ROOT.resolve("docs");
        assertThat(docs).as("the docs/ directory").isDirectory();
        try (Stream<Path> files = Files.list(docs)) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    files.filter(f -> f.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString();
    }

    private static String shortened(String text) {
        return text.length() <= 140 ? text : text.substring(0, 137) + "...";
    }
}
