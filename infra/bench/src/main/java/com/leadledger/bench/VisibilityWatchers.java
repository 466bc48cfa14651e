package com.leadledger.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every watchEvery-th accepted registration on the query service until it answers 200, again pollMillis after
 * each answer that is not 200, and keeps how long each read took.
 */
final class VisibilityWatchers {

    /** A watched registration not readable after this long counts as this long. */
    static final int TIMEOUT_SECONDS = 30;

    /** Readers of the untimed warm-up, as many as the watchers' pool has threads. */
    private static final int WATCHER_THREADS = 4;

    private final BenchConfig config;
    private final Load load;
    final ScheduledExecutorService pool = Executors.newScheduledThreadPool(WATCHER_THREADS);
    final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger pending = new AtomicInteger();
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicLong seen = new AtomicLong();
    /** How long each read took, from sending it to its answer, 404s and 200s alike. */
    final List<Long> reads = Collections.synchronizedList(new ArrayList<>());
    /** registrationId -> {201 received, first 200 on the query side} in epoch ms (for the stage breakdown). */
    final Map<String, long[]> wall = new ConcurrentHashMap<>();

    VisibilityWatchers(Harness harness) {
        this.config = harness.config;
        this.load = harness.load;
    }

    /**
     * Untimed reads before scenario 3's rounds, as the watchers make them: each reader alternates a stored registration
     * read by its own partner (200) and an id not stored (404, the answer a watcher mostly gets first). Nothing before
     * this scenario reads a registration on the query service, so without it the first rounds time that read path
     * while it is still being compiled, which a query service serving partners all day has long done.
     */
    static ClosedLoop warmUp(Harness harness) throws SQLException {
        Load load = harness.load;
        Map<String, String> tokens = new HashMap<>();
        for (int i = 0; i < load.partnerIds.size(); i++) {
            tokens.put(load.partnerIds.get(i), load.partnerTokens.get(i));
        }
        List<Readable> stored = new ArrayList<>();
        try (Connection c = harness.stack.queryDb(); PreparedStatement st = c.prepareStatement(
                "SELECT registration_id, partner_id FROM registration_view WHERE partner_id = ANY(?) "
                        + "ORDER BY random() LIMIT 20000")) {
            Array partners = c.createArrayOf("text", tokens.keySet().toArray());
            st.setArray(1, partners);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Readable(rs.getString(1), tokens.get(rs.getString(2))));
                }
            }
        }
        if (stored.isEmpty()) {
            return new ClosedLoop(0, 0, 0);
        }
        AtomicLong next = new AtomicLong();
        return ClosedLoop.run(WATCHER_THREADS, harness.config.readWarmupSeconds(), worker -> {
            long n = next.getAndIncrement();
            Readable registration = stored.get((int) (n / 2 % stored.size()));
            String id = n % 2 == 0 ? registration.registrationId() : UUID.randomUUID().toString();
            return read(load, id, registration.partnerToken()).status() == (n % 2 == 0 ? 200 : 404);
        });
    }

    /** A stored registration and the token of the partner that may read it. */
    private record Readable(String registrationId, String partnerToken) {
    }

    /** A partner's read of one registration on the query service, the read a watcher repeats until it answers 200. */
    private static Load.Answer read(Load load, String registrationId, String partnerToken) {
        return load.get(load.queryUrl + "/api/v1/registrations/" + registrationId, partnerToken);
    }

    void accepted(Load.Registration reg) {
        if (seen.incrementAndGet() % config.watchEvery() != 0) {
            return;
        }
        String id = reg.answer().field("registrationId");
        String token = load.partnerTokens.get(reg.partner());
        long ack = reg.answer().doneNanos();
        long ackWall = System.currentTimeMillis() - (System.nanoTime() - ack) / 1_000_000;
        pending.incrementAndGet();
        pool.execute(new Runnable() {
            @Override
            public void run() {
                Load.Answer a = read(load, id, token);
                reads.add(a.doneNanos() - a.sentNanos());
                if (a.status() == 200) {
                    lags.add(a.doneNanos() - ack);
                    wall.put(id, new long[]{ackWall, System.currentTimeMillis()});
                    pending.decrementAndGet();
                } else if (System.nanoTime() - ack > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)) {
                    // counted at the timeout: percentiles then are lower bounds (flagged in the results)
                    lags.add(TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
                    timedOut.incrementAndGet();
                    pending.decrementAndGet();
                } else {
                    pool.schedule(this, config.pollMillis(), TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    void awaitAll() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS + 10);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        pool.shutdownNow();
    }

    long[] lags() {
        return copy(lags);
    }

    long[] reads() {
        return copy(reads);
    }

    private static long[] copy(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
