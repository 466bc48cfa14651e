package com.leadledger.kit.idempotency;

import com.leadledger.kit.testapp.KitApplicationTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on POST (docs/api.md, "Retries are safe"): the same key and body answer the original
 * response and execute nothing again; another body is 422 {@code IDEMPOTENCY_KEY_REUSED}; a repeat while the first is
 * still running is 409 {@code IDEMPOTENCY_KEY_IN_PROGRESS}; keys belong to their caller and are kept 24 hours; a claim
 * whose request died before committing its work is taken over after {@link IdempotencyStore#ABANDONED_AFTER}, one
 * whose work was committed never is. Over real HTTP, the keys in the
 * services' own table on a real PostgreSQL, on a clock the test moves.
 */
class IdempotencyKeysIT extends KitApplicationTestBase {

    private static final String ACTIONS = "/probe/actions";

    private final String partner = unique("P");
    private final String subject = unique("user");
    private final String token = token(subject, List.of("PARTNER"), partner);
    private final String key = unique("order");
    @Autowired
    private IdempotencyStore store;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() throws InterruptedException {
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).as("held requests answered").isTrue();
    }

    @Test
    void theSameKeyAndBodyAnswerTheOriginalResponseAndExecuteNothingAgain() {
        String name = unique("first");
        Answer original = act(key, name);
        Answer repeat = act(key, name);

        assertThat(original.status()).isEqualTo(201);
        assertThat(original.header("Idempotent-Replayed")).isNull();
        long executionId = original.json().get("executionId").asLong();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.contentType()).isEqualTo("application/json");
        assertThat(repeat.raw()).isEqualTo(original.raw())
                .isEqualTo("{\"executionId\":" + executionId + ",\"name\":\"" + name + "\"}");
        assertThat(executions(name)).isEqualTo(1);
        assertThat(storedStatus(key)).isEqualTo(201);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndExecutesNothing() {
        String first = unique("first");
        String other = unique("other");
        assertThat(act(key, first).status()).isEqualTo(201);

        Answer reused = act(key, other);

        assertProblem(reused, 422, """
                {"type":"urn:leadledger:problem:idempotency-key-reused","title":"Unprocessable Entity","status":422,
                 "detail":"This Idempotency-Key was already used with a different request; nothing was recorded.",
                 "code":"IDEMPOTENCY_KEY_REUSED","errors":[]}""");
        assertThat(executions(first)).isEqualTo(1);
        assertThat(executions(other)).isZero();
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String name = unique("shared");
        String otherPartnersToken = token(unique("user"), List.of("PARTNER"), unique("P"));
        assertThat(act(key, name).status()).isEqualTo(201);

        Answer otherCaller = post(ACTIONS).token(otherPartnersToken).idempotencyKey(key).json(body(name)).send();

        assertThat(otherCaller.status()).isEqualTo(201);
        assertThat(otherCaller.header("Idempotent-Replayed")).isNull();
        assertThat(executions(name)).isEqualTo(2);
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIsRefusedAndExecutesNothing() throws Exception {
        String name = unique("held");
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(
                () -> post("/probe/held-actions").token(token).idempotencyKey(key).json(body(name)).send(), clients);
        holds.awaitHeld(name);

        Answer repeat;
        try {
            repeat = post("/probe/held-actions").token(token).idempotencyKey(key).json(body(name)).send();
        } finally {
            holds.release(name);
        }

        assertProblem(repeat, 409, """
                {"type":"urn:leadledger:problem:idempotency-key-in-progress","title":"Conflict","status":409,
                 "detail":"A request with this Idempotency-Key is still being processed; retry shortly.",
                 "code":"IDEMPOTENCY_KEY_IN_PROGRESS","errors":[]}""");
        assertThat(executions(name)).isEqualTo(1);

        Answer original = first.get(90, TimeUnit.SECONDS);
        assertThat(original.status()).isEqualTo(201);
        Answer afterwards = post("/probe/held-actions").token(token).idempotencyKey(key).json(body(name)).send();
        assertThat(afterwards.status()).isEqualTo(201);
        assertThat(afterwards.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(afterwards.raw()).isEqualTo(original.raw());
        assertThat(executions(name)).isEqualTo(1);
    }

    /**
     * The service stops after the first request's work is committed and before its answer is recorded (here the
     * request is held there, which leaves the store exactly as a stopped service does): a retry, however late within
     * the 24 hours and long after a claim would count as abandoned, does not do the work again.
     */
    @Test
    void aServiceStoppedBetweenCommittingTheWorkAndRecordingTheAnswerNeverDoesItTwice() throws Exception {
        String name = unique("committed");
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(
                () -> post("/probe/held-actions").token(token).idempotencyKey(key).json(body(name)).send(), clients);
        holds.awaitHeld(name);
        List<Answer> retries = new ArrayList<>();
        Integer statusWhileHeld;
        int executionsWhileHeld;
        try {
            statusWhileHeld = storedStatus(key);
            executionsWhileHeld = executions(name);
            idempotencyClock.advance(IdempotencyStore.ABANDONED_AFTER.plusSeconds(1));
            retries.add(post("/probe/held-actions").token(token).idempotencyKey(key).json(body(name)).send());
            idempotencyClock.advance(Duration.ofHours(23));
            retries.add(post("/probe/held-actions").token(token).idempotencyKey(key).json(body(name)).send());
        } finally {
            holds.release(name);
        }

        assertThat(executionsWhileHeld).as("the work is committed").isEqualTo(1);
        assertThat(retries).extracting(Answer::status).containsExactly(409, 409);
        assertThat(retries).extracting(answer -> answer.json().get("code").asString())
                .containsExactly("IDEMPOTENCY_KEY_IN_PROGRESS", "IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(executions(name)).isEqualTo(1);
        assertThat(statusWhileHeld).as("the key says so, marked in the work's own transaction")
                .isEqualTo(IdempotencyStore.WORK_COMMITTED);
        assertThat(first.get(90, TimeUnit.SECONDS).status()).isEqualTo(201);
    }

    /** As above, with the work committed on a thread the request handed it to (a command retried by the scheduler). */
    @Test
    void workHandedToAnotherThreadIsMarkedAsTheRequestsOwn() throws Exception {
        String name = unique("handed-over");
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> post("/probe/handed-over-held-actions")
                .token(token).idempotencyKey(key).json(body(name)).send(), clients);
        holds.awaitHeld(name);
        Integer statusWhileHeld;
        Answer retry;
        try {
            statusWhileHeld = storedStatus(key);
            idempotencyClock.advance(IdempotencyStore.ABANDONED_AFTER.plusSeconds(1));
            retry = post("/probe/handed-over-held-actions").token(token).idempotencyKey(key).json(body(name)).send();
        } finally {
            holds.release(name);
        }

        assertThat(statusWhileHeld).isEqualTo(IdempotencyStore.WORK_COMMITTED);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(executions(name)).isEqualTo(1);
        assertThat(first.get(90, TimeUnit.SECONDS).status()).isEqualTo(201);
    }

    @Test
    void theAnswerIsKeptForTwentyFourHoursAndForgottenAfterThem() {
        String first = unique("first");
        String later = unique("later");
        assertThat(act(key, first).status()).isEqualTo(201);

        idempotencyClock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(act(key, later).status()).as("one second before the 24 hours are over").isEqualTo(422);
        Answer replayed = act(key, first);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");

        idempotencyClock.advance(Duration.ofSeconds(2));
        Answer afterExpiry = act(key, later);
        assertThat(afterExpiry.status()).as("one second after").isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
        assertThat(executions(first)).isEqualTo(1);
        assertThat(executions(later)).isEqualTo(1);
    }

    @Test
    void thePurgeForgetsExactlyTheKeysOlderThanTwentyFourHours() {
        String oldKey = unique("old");
        String newKey = unique("new");
        assertThat(act(oldKey, unique("old")).status()).isEqualTo(201);
        idempotencyClock.advance(Duration.ofHours(12));
        assertThat(act(newKey, unique("new")).status()).isEqualTo(201);
        idempotencyClock.advance(Duration.ofHours(12).plusSeconds(1));

        store.purgeExpired();

        assertThat(storedKeys()).containsExactly(newKey);
    }

    @Test
    void aClaimWhoseRequestDiedIsTakenOverAfterTwoMinutes() {
        String name = unique("orphan");
        // what a request leaves when its process dies after claiming the key and before executing anything
        jdbc.sql("""
                        INSERT INTO idempotency_key (scope, idem_key, fingerprint, created_at)
                        VALUES (:scope, :key, :fingerprint, :now)""")
                .param("scope", subject + "@" + partner).param("key", key)
                .param("fingerprint", fingerprint(ACTIONS, body(name)))
                .param("now", Timestamp.from(idempotencyClock.instant())).update();
        assertThat(IdempotencyStore.ABANDONED_AFTER).isEqualTo(Duration.ofMinutes(2));

        idempotencyClock.advance(Duration.ofMinutes(2).minusSeconds(1));
        Answer stillClaimed = act(key, name);
        assertThat(stillClaimed.status()).isEqualTo(409);
        assertThat(stillClaimed.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(executions(name)).isZero();

        idempotencyClock.advance(Duration.ofSeconds(2));
        Answer takenOver = act(key, name);
        assertThat(takenOver.status()).isEqualTo(201);
        assertThat(takenOver.header("Idempotent-Replayed")).isNull();
        assertThat(executions(name)).isEqualTo(1);
        assertThat(act(key, name).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(executions(name)).isEqualTo(1);
    }

    @Test
    void aFailedRequestKeepsNothingSoItCanBeRetriedWithTheSameKey() {
        Answer refused = post("/probe/refusals/CONFLICT").token(token).idempotencyKey(key).json("{}").send();

        assertThat(refused.status()).as("refused after a read-only transaction").isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("PROBE_CONFLICT");
        assertThat(storedKeys()).isEmpty();
        String name = unique("retried");
        assertThat(act(key, name).status()).isEqualTo(201);
        assertThat(executions(name)).isEqualTo(1);
    }

    private Answer act(String idempotencyKey, String name) {
        return post(ACTIONS).token(token).idempotencyKey(idempotencyKey).json(body(name)).send();
    }

    private static String body(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private int executions(String name) {
        return jdbc.sql("SELECT count(*) FROM probe_execution WHERE name = :name").param("name", name)
                .query(Integer.class).single();
    }

    private Integer storedStatus(String idempotencyKey) {
        return jdbc.sql("SELECT status FROM idempotency_key WHERE scope = :scope AND idem_key = :key")
                .param("scope", subject + "@" + partner).param("key", idempotencyKey)
                .query((rs, n) -> (Integer) rs.getObject(1)).list().get(0);
    }

    private List<String> storedKeys() {
        return jdbc.sql("SELECT idem_key FROM idempotency_key WHERE scope = :scope ORDER BY idem_key")
                .param("scope", subject + "@" + partner).query(String.class).list();
    }

    /** The filter's fingerprint of a request: SHA-256 of its path, a zero byte and its body. */
    private static String fingerprint(String path, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
