package com.leadledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.ProjectPaths;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The harness's smoke run (tiny N, one short round, a low fixed rate) against the real stack, so the harness cannot
 * rot. It asserts only that every scenario is reported with sane numbers, never how fast anything was.
 */
@Tag("drill")
class BenchSmokeIT {

    @Test
    void theSmokeRunReportsEveryScenarioWithPositiveNumbers() throws Exception {
        Path target = ProjectPaths.root().resolve("infra/bench/target");
        Path out = target.resolve("bench-smoke");
        Path json = new Bench(BenchConfig.from(new String[]{"--smoke", "--pg-statements", "--out=" + out,
                "--work=" + target.resolve("bench-smoke-work")})).run();

        assertThat(json).isRegularFile();
        assertThat(out.resolve("bench-results.md")).isRegularFile();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/meta/config/smoke").asBoolean()).isTrue();
        assertThat(root.at("/meta/machine/cpus").asInt()).isPositive();

        List<Integer> ids = new ArrayList<>();
        root.get("scenarios").forEach(s -> ids.add(s.get("id").asInt()));
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        JsonNode s1 = scenario(root, 1);
        assertThat(s1.get("value").asDouble()).isPositive();
        assertThat(s1.get("baselineValue").asDouble()).isPositive();
        assertThat(s1.get("ratio").asDouble()).isPositive();
        assertThat(s1.at("/cpuDuringServiceRounds/0/cpuMsPerUnit/command-service").asDouble()).isPositive();
        // PostgreSQL's statements per registration: both databases worked, and the events were appended
        JsonNode statements = s1.get("postgresStatements");
        long accepted = 0;
        for (JsonNode round : s1.get("rounds")) {
            accepted += round.get("accepted").asLong();
        }
        assertThat(statements.get("registrations").asLong()).isPositive().isEqualTo(accepted);
        for (String database : List.of("bench_command", "bench_query")) {
            assertThat(statements.at("/databases/" + database + "/statementsPerRegistration").asDouble()).as(database).isPositive();
            assertThat(statements.at("/databases/" + database + "/execMicrosPerRegistration").asDouble()).as(database).isPositive();
        }
        assertThat(statements.get("statements")).anySatisfy(s -> {
            assertThat(s.get("database").asText()).isEqualTo("bench_command");
            assertThat(s.get("nested").asBoolean()).isFalse();
            assertThat(s.get("statement").asText()).startsWithIgnoringCase("INSERT INTO DomainEventEntry");
            assertThat(s.get("callsPerRegistration").asDouble()).isPositive();
        });

        JsonNode s2 = scenario(root, 2);
        assertThat(s2.get("ratePerSecond").asInt()).isEqualTo((int) Math.max(1, Math.round(s1.get("value").asDouble() / 2)));
        assertThat(s2.get("p50Ms").asDouble()).isPositive();
        assertThat(s2.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(s2.get("p50Ms").asDouble());
        // the untimed lead-in at the same rate, reported beside the rounds and not counted
        assertLeadInNotCounted(root, s2, "p99Ms");
        assertThat(s2.at("/leadIn/sent").asInt()).isEqualTo(s2.get("ratePerSecond").asInt()
                * root.at("/meta/config/leadInSeconds").asInt());
        assertThat(s2.at("/leadIn/failed").asInt()).isZero();
        for (JsonNode round : s2.get("rounds")) {
            JsonNode overP99 = round.get("overP99BySecond");
            assertThat(overP99.size()).as("a count per second of the round").isEqualTo(
                    (int) Math.ceil(round.get("sent").asDouble() / s2.get("ratePerSecond").asInt()));
            int over = 0;
            for (JsonNode second : overP99) {
                over += second.asInt();
            }
            assertThat(over).as("requests slower than the round's p99")
                    .isBetween(0, round.get("sent").asInt() / 100 + 1);
            assertThat(Instant.parse(round.get("startedAt").asText())).isBefore(Instant.now());
            JsonNode slow = round.get("overP99");
            assertThat(slow.size()).as("the same slow requests, each with its send time").isEqualTo(over);
            double roundMs = round.get("sent").asDouble() * 1000 / s2.get("ratePerSecond").asInt();
            for (JsonNode request : slow) {
                assertThat(request.get(0).asDouble()).as("sent within the round").isBetween(0.0, roundMs);
                assertThat(request.get(1).asDouble()).as("its latency")
                        .isGreaterThanOrEqualTo(round.get("p99Ms").asDouble() - 0.1);
            }
        }

        JsonNode s3 = scenario(root, 3);
        assertThat(s3.get("ratePerSecond").asInt()).isEqualTo(s2.get("ratePerSecond").asInt());
        assertThat(s3.get("p50Ms").asDouble()).isPositive();
        assertThat(s3.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(s3.get("p50Ms").asDouble());
        assertThat(s3.get("baselineP50Ms").asDouble()).isPositive();
        assertThat(s3.get("baselineP99Ms").asDouble()).isGreaterThanOrEqualTo(s3.get("baselineP50Ms").asDouble());
        // the untimed reads before the rounds: stored registrations answer 200 to their partner, unknown ids 404
        assertThat(s3.get("readWarmupReads").asLong()).isPositive();
        assertThat(s3.get("readWarmupFailed").asLong()).isZero();
        assertLeadInNotCounted(root, s3, "lagP99Ms");
        assertThat(s3.at("/leadIn/watched").asInt()).isPositive();
        for (JsonNode round : s3.get("rounds")) {
            // every watched registration is read at least once
            assertThat(round.get("reads").asLong()).isGreaterThanOrEqualTo(round.get("watched").asLong());
            assertThat(round.get("readsPerSecond").asDouble()).isPositive();
            assertThat(round.get("readP50Ms").asDouble()).isPositive();
            assertThat(round.get("readP99Ms").asDouble()).isGreaterThanOrEqualTo(round.get("readP50Ms").asDouble());
        }

        JsonNode s4 = scenario(root, 4);
        assertThat(s4.get("value").asDouble()).isPositive();
        assertThat(s4.get("baselineValue").asDouble()).isPositive();
        assertThat(s4.get("ratio").asDouble()).isPositive();
        assertThat(s4.get("rebuildEventsDone").asLong()).isGreaterThanOrEqualTo(s4.get("events").asLong());

        JsonNode s5 = scenario(root, 5);
        assertThat(s5.get("p50Ms").asDouble()).isPositive();
        assertThat(s5.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(s5.get("p50Ms").asDouble());
        assertThat(s5.get("registrationsStored").asLong()).isGreaterThanOrEqualTo(root.at("/meta/config/n").asLong());

        JsonNode s6 = scenario(root, 6);
        assertThat(s6.get("value").asDouble()).isPositive();
        assertThat(s6.get("baselineValue").asDouble()).isEqualTo(s1.get("value").asDouble());
        assertThat(s6.get("registrationsStored").asLong()).isGreaterThanOrEqualTo(root.at("/meta/config/n").asLong());

        JsonNode s7 = scenario(root, 7);
        assertThat(s7.get("commandServiceMiB").asDouble()).isPositive();
        assertThat(s7.get("queryServiceMiB").asDouble()).isPositive();

        JsonNode s8 = scenario(root, 8);
        assertThat(s8.get("value").asDouble()).isPositive();
        assertThat(s8.get("baselineValue").asDouble()).isPositive();
        assertThat(s8.get("intact").asBoolean()).isTrue();

        JsonNode s9 = scenario(root, 9);
        assertThat(s9.get("totalMs").asDouble()).isPositive();
        assertThat(s9.get("commandServiceMs").asDouble()).isPositive();
        assertThat(s9.get("postgresMs").asDouble()).isPositive();
        assertThat(s9.get("totalMs").asDouble()).isGreaterThanOrEqualTo(s9.get("commandServiceMs").asDouble());

        JsonNode s10 = scenario(root, 10);
        assertThat(s10.get("longP50Ms").asDouble()).isPositive();
        assertThat(s10.get("freshP50Ms").asDouble()).isPositive();
        assertThat(s10.get("ratio").asDouble()).isPositive();
        assertThat(s10.get("eventsBeforeApprovals").asLong())
                .isGreaterThanOrEqualTo(root.at("/meta/config/longStreamEvents").asLong());
        assertThat(s10.get("submitWithdrawCycles").asLong()).isPositive();

        JsonNode s11 = scenario(root, 11);
        assertThat(s11.get("value").asDouble()).isNotNegative();
        assertThat(s11.get("percentOfAllCoresPerProcess").has("command-service")).isTrue();
        assertThat(s11.get("percentOfAllCoresPerProcess").has("postgres")).isTrue();
        // one interval per round, and the figure is one of them (the median)
        assertThat(s11.get("intervals")).hasSize(root.at("/meta/config/rounds").asInt());
        List<Double> intervalPercents = new ArrayList<>();
        s11.get("intervalPercents").forEach(p -> intervalPercents.add(p.asDouble()));
        assertThat(intervalPercents).hasSize(s11.get("intervals").size())
                .anySatisfy(p -> assertThat(p).isCloseTo(s11.get("value").asDouble(), within(0.01)));
        assertThat(s11.get("spreadPercent").asDouble()).isNotNegative();
        // the idle stack runs the reconciliation as in production: it reached the command side
        assertThat(s11.at("/reconciliation/httpStatus").asInt()).isEqualTo(200);
        assertThat(s11.at("/reconciliation/state").asText()).isIn("IN_SYNC", "LAGGING");

        for (JsonNode s : root.get("scenarios")) {
            assertThat(s.get("status").asText()).as("scenario %s", s.get("id")).isEqualTo("measured");
            if (s.get("id").asInt() == 11) {
                continue; // an idle system may use no measurable CPU in a smoke run's seconds
            }
            assertThat(s.get("value").asDouble()).as("scenario %s", s.get("id")).isPositive();
        }
        assertThat(Files.readString(out.resolve("bench-results.md"))).contains("| 8 |").contains("| 11 |").contains("SMOKE RUN")
                .contains("PostgreSQL per accepted registration during scenario 1");
    }

    /** The lead-in is reported beside the rounds, and the row is the median of the rounds alone. */
    private static void assertLeadInNotCounted(JsonNode root, JsonNode scenario, String roundP99) {
        JsonNode leadIn = scenario.get("leadIn");
        assertThat(leadIn.get("round").asInt()).isZero();
        assertThat(leadIn.get("seconds").asDouble()).isEqualTo(root.at("/meta/config/leadInSeconds").asDouble());
        JsonNode rounds = scenario.get("rounds");
        assertThat(rounds).hasSize(root.at("/meta/config/rounds").asInt());
        List<Double> p99s = new ArrayList<>();
        for (JsonNode round : rounds) {
            assertThat(round.get("round").asInt()).isPositive();
            p99s.add(round.get(roundP99).asDouble());
        }
        assertThat(scenario.get("value").asDouble()).isCloseTo(Stats.median(p99s), within(0.02));
    }

    private static JsonNode scenario(JsonNode root, int id) {
        for (JsonNode s : root.get("scenarios")) {
            if (s.get("id").asInt() == id) {
                return s;
            }
        }
        throw new AssertionError("scenario " + id + " missing");
    }
}
