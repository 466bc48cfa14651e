package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.leadledger.localruntime.ProjectPaths;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the generator recorded next to the command database's dump, and what the test expects from it: who wrote the
 * history, when it was dumped, the fixed instant of the point-in-time reads, how many events of each type it holds,
 * what its pending deadlines add, and the services' answers.
 *
 * @param writtenBy  the commit of the code that wrote the history ({@code git describe --always --dirty})
 * @param dumpedAt   when the dump was taken (an ISO-8601 instant); the test moves pending deadlines by the time
 *                   passed since
 * @param asOf       the instant of the point-in-time reads, taken during the story (ISO-8601)
 * @param events     events in the dump
 * @param eventTypes events per type, by the type's simple name
 * @param deadlineEvents the events per type that the deadlines pending in the dump add when they all run
 */
record StoredEventsExpectation(String writtenBy, String dumpedAt, String asOf, long events,
                               Map<String, Long> eventTypes, Map<String, Long> deadlineEvents,
                               List<Answer> answers) {

    static final String DUMP = "stored-events/command-db.sql";
    static final String EXPECTED = "stored-events/expected-answers.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static StoredEventsExpectation read() {
        try (InputStream in = resource(EXPECTED)) {
            return JSON.readValue(in, StoredEventsExpectation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dump() {
        try (InputStream in = resource(DUMP)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the dump and this expectation into the test resources of the source tree. */
    void write(String dumpScript) throws IOException {
        Path resources = ProjectPaths.root().resolve("infra/e2e-tests/src/test/resources");
        Files.createDirectories(resources.resolve(DUMP).getParent());
        Files.writeString(resources.resolve(DUMP), dumpScript);
        Files.writeString(resources.resolve(EXPECTED), JSON.writeValueAsString(this) + "\n");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StoredEventsExpectation.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing test resource " + name + " (written by StoredEventsDumpGenerator)");
        }
        return in;
    }
}
