package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores N registrations through the product before scenarios 6, 5, 4 and 8: HTTP POST through the command service
 * by concurrent clients over the onboarded partners, then waits for the query side to catch up. It adds only what the
 * store lacks (with {@code --resume}, what earlier runs stored counts), prints its progress (rate, ETA) and keeps
 * nothing per registration, so its memory does not grow with N.
 */
final class Seeding {

    private static final Logger log = LoggerFactory.getLogger(Seeding.class);

    private final Harness harness;

    Seeding(Harness harness) {
        this.harness = harness;
    }

    /** Seeds up to N registrations; returns what it did, for the report. */
    Map<String, Object> run() throws Exception {
        BenchConfig config = harness.config;
        long before = harness.registrationsStored();
        long target = config.n();
        long t0 = System.nanoTime();
        long accepted = 0;
        long failed = 0;
        log.info("seeding: {} registrations stored, seeding to {} over HTTP with {} clients", before, target,
                config.seedClients());
        long stored = before;
        AtomicLong acceptedSoFar = new AtomicLong();
        AtomicLong failedSoFar = new AtomicLong();
        Progress progress = new Progress("seeding, registrations stored", before, target, config.progressSeconds());
        while (stored < target) {
            long storedAtStart = stored;
            AtomicLong remaining = new AtomicLong(target - stored);
            ClosedLoop l = ClosedLoop.run(config.seedClients(), Double.MAX_VALUE, i -> {
                if (remaining.decrementAndGet() < 0) {
                    throw new ClosedLoop.Done();
                }
                boolean ok = harness.load.register().accepted();
                (ok ? acceptedSoFar : failedSoFar).incrementAndGet();
                progress.at(before + acceptedSoFar.get(), failedSoFar.get());
                return ok;
            });
            accepted += l.ok();
            failed += l.failed();
            stored = harness.registrationsStored();
            if (stored <= storedAtStart) {
                throw new IllegalStateException("seeding makes no progress; see " + harness.stack.command.logFile());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long q0 = System.nanoTime();
        long projected = awaitQuerySide(stored);
        double catchUp = (System.nanoTime() - q0) / 1e9;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", "HTTP POST /api/v1/registrations through the command service (the real product path: every "
                + "registration validated, stored with its hash chain, signed, relayed to Kafka and projected by the "
                + "query service), " + config.seedClients() + " concurrent clients over " + config.partners()
                + " partners, one new customer per registration; no direct database seeding");
        s.put("registrationsStoredBefore", before);
        s.put("registrationsStoredAfter", stored);
        s.put("acceptedDuringSeeding", accepted);
        s.put("failedDuringSeeding", failed);
        s.put("seconds", Stats.round(seconds, 1));
        s.put("registrationsPerSecond", Stats.round(accepted / seconds, 1));
        s.put("querySideRegistrations", projected);
        s.put("querySideCatchUpSecondsAfterSeeding", Stats.round(catchUp, 1));
        s.put("eventsStored", Harness.count(harness.stack::commandDb, "SELECT count(*) FROM domainevententry"));
        log.info("seeding: {}", s);
        return s;
    }

    private long awaitQuerySide(long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(120, expected / 50));
        long seen = 0;
        Progress progress = null;
        while (System.nanoTime() < deadline) {
            seen = Harness.count(harness.stack::queryDb, "SELECT count(*) FROM registration_view");
            if (seen >= expected) {
                return seen;
            }
            if (progress == null) {
                progress = new Progress("seeding, query side caught up", seen, expected, harness.config.progressSeconds());
            }
            progress.at(seen, 0);
            Thread.sleep(500);
        }
        log.warn("query side holds {} of {} registrations after waiting", seen, expected);
        return seen;
    }
}
