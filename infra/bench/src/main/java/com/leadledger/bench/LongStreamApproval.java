package com.leadledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 10: a manager's approve on an opportunity with a long history against one on a fresh opportunity. The long
 * history is built through the HTTP API only: onboarded partners submit and withdraw on one customer, each partner at
 * most as many times as the product allows one partner on one opportunity within 24 hours (the policy's resubmission
 * limit, and at most {@value #CHURN_LIMIT} registrations), until the opportunity holds {@code long-stream-events}
 * events. Then, alternately, a new partner registers on the long opportunity and on a new customer, and the manager's
 * approve of each is timed; the registration on the long one is withdrawn again so the next one can be approved.
 */
final class LongStreamApproval {

    private static final Logger log = LoggerFactory.getLogger(LongStreamApproval.class);
    /** Registrations by one partner on one opportunity within 24 hours the product accepts at most. */
    static final int CHURN_LIMIT = 20;
    static final double TARGET_RATIO = 1.5;
    private static final int BUILDERS = 4;
    private static final int WARMUP_SAMPLES = 2;

    private final Harness harness;
    private final Load load;
    private final AtomicInteger partnersOnboarded = new AtomicInteger();

    LongStreamApproval(Harness harness) {
        this.harness = harness;
        this.load = harness.load;
    }

    void run() throws Exception {
        BenchConfig config = harness.config;
        String inn = load.nextInn();
        Load.Partner first = newPartner();
        Load.Answer opened = load.register(first.token(), inn);
        if (opened.status() != 201) {
            throw new IllegalStateException("the long opportunity's first registration answered " + opened.status()
                    + ": " + opened.body());
        }
        String opportunityId = opened.field("opportunityId");
        withdraw(first, opened.field("registrationId"));
        int perPartner = Math.min(CHURN_LIMIT, resubmissionsAllowed());
        Build build = build(opportunityId, inn, perPartner, config.longStreamEvents());

        List<Long> onLong = new ArrayList<>();
        List<Long> onFresh = new ArrayList<>();
        for (int i = 0; i < WARMUP_SAMPLES + config.approveSamples(); i++) {
            long longNs = approveOnLong(inn);
            long freshNs = approveOnFresh();
            if (i >= WARMUP_SAMPLES) {
                onLong.add(longNs);
                onFresh.add(freshNs);
            }
        }
        long[] longV = onLong.stream().mapToLong(Long::longValue).toArray();
        long[] freshV = onFresh.stream().mapToLong(Long::longValue).toArray();
        double longP50 = Stats.percentileMs(longV, 50);
        double freshP50 = Stats.percentileMs(freshV, 50);
        double ratio = longP50 / freshP50;
        long eventsAtEnd = events(opportunityId);
        Map<String, Object> s = Harness.result(10, "approve on an opportunity with " + build.events
                        + " events vs one on a fresh opportunity (median of " + config.approveSamples()
                        + " approvals each)", "ms (p50)", longP50, "approve on a fresh opportunity, p50 ms", freshP50,
                "latency ratio <= " + TARGET_RATIO, ratio <= TARGET_RATIO);
        s.put("ratio", Stats.round(ratio, 3));
        s.put("longP50Ms", Stats.round(longP50, 2));
        s.put("longP90Ms", Stats.round(Stats.percentileMs(longV, 90), 2));
        s.put("freshP50Ms", Stats.round(freshP50, 2));
        s.put("freshP90Ms", Stats.round(Stats.percentileMs(freshV, 90), 2));
        s.put("opportunityId", opportunityId);
        s.put("eventsBeforeApprovals", build.events);
        s.put("eventsAfterApprovals", eventsAtEnd);
        s.put("submitWithdrawCycles", build.cycles);
        s.put("eventsPerCycle", Stats.round((double) (build.events - build.eventsAtStart) / Math.max(1, build.cycles), 2));
        s.put("cyclesPerPartner", perPartner);
        s.put("partnersOnboarded", partnersOnboarded.get());
        s.put("refusedOrFailedDuringBuild", build.failed);
        s.put("buildSeconds", Stats.round(build.seconds, 1));
        s.put("method", "the long opportunity built over HTTP (submit + withdraw cycles by onboarded partners, "
                + BUILDERS + " concurrent clients); then " + WARMUP_SAMPLES + " untimed and " + config.approveSamples()
                + " timed rounds of: a new partner registers on the long opportunity, a manager approves it (timed), "
                + "the partner withdraws it; a new partner registers a new customer, a manager approves it (timed). "
                + "Latency: request sent to answer received by the harness");
        log.info("scenario 10: approve p50 {} ms on {} events vs {} ms fresh (ratio {})", Stats.round(longP50, 2),
                build.events, Stats.round(freshP50, 2), Stats.round(ratio, 2));
        harness.record(s);
    }

    private record Build(long eventsAtStart, long events, long cycles, long failed, double seconds) {
    }

    /** Submit-and-withdraw cycles on the customer until the opportunity holds the target number of events. */
    private Build build(String opportunityId, String inn, int perPartner, long target) throws Exception {
        long eventsAtStart = events(opportunityId);
        AtomicBoolean done = new AtomicBoolean(eventsAtStart >= target);
        AtomicLong cycles = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long t0 = System.nanoTime();
        log.info("scenario 10: building an opportunity of {} events ({} cycles per partner)", target, perPartner);
        Thread builders = new Thread(() -> ClosedLoop.run(BUILDERS, Double.MAX_VALUE, new java.util.function.IntPredicate() {
            private final ThreadLocal<Load.Partner> partner = new ThreadLocal<>();
            private final ThreadLocal<int[]> left = ThreadLocal.withInitial(() -> new int[1]);

            @Override
            public boolean test(int worker) {
                if (done.get()) {
                    throw new ClosedLoop.Done();
                }
                if (left.get()[0] == 0) {
                    partner.set(newPartner());
                    left.get()[0] = perPartner;
                }
                Load.Answer submitted = load.register(partner.get().token(), inn);
                if (submitted.status() == 201 && withdraw(partner.get(), submitted.field("registrationId"))) {
                    left.get()[0]--;
                    cycles.incrementAndGet();
                    return true;
                }
                if (submitted.body().contains("RESUBMISSION_LIMIT_REACHED")
                        || submitted.body().contains("REGISTRATION_CHURN_LIMIT")) {
                    left.get()[0] = 0;
                } else if (submitted.status() == 429) {
                    pause();
                }
                if (failed.incrementAndGet() > 1000 && cycles.get() == 0) {
                    done.set(true);
                }
                return false;
            }
        }), "bench-long-stream");
        builders.start();
        long events = eventsAtStart;
        long lastReport = System.nanoTime();
        while (builders.isAlive()) {
            builders.join(200);
            events = events(opportunityId);
            if (events >= target || cycles.get() > target) { // every cycle stores events: a safety stop
                done.set(true);
            }
            if (System.nanoTime() - lastReport >= harness.config.progressSeconds() * 1e9) {
                lastReport = System.nanoTime();
                double perSecond = (events - eventsAtStart) / ((lastReport - t0) / 1e9);
                log.info("scenario 10: {} of {} events, {} cycles, {} partners, {} events/s, ETA {}", events, target,
                        cycles.get(), partnersOnboarded.get(), Stats.round(perSecond, 1),
                        Progress.eta(target - events, perSecond));
            }
        }
        if (events < target) {
            throw new IllegalStateException("the long opportunity reached only " + events + " events; "
                    + failed.get() + " cycles were refused or failed, see " + harness.stack.command.logFile());
        }
        return new Build(eventsAtStart, events, cycles.get(), failed.get(), (System.nanoTime() - t0) / 1e9);
    }

    private long approveOnLong(String inn) {
        Load.Partner p = newPartner();
        Load.Answer submitted = expect(load.register(p.token(), inn), 201, "a registration on the long opportunity");
        String id = submitted.field("registrationId");
        Load.Answer approved = expect(load.approve(id), 200, "approving on the long opportunity");
        if (!withdraw(p, id)) {
            throw new IllegalStateException("withdrawing the approved registration " + id + " failed");
        }
        return approved.doneNanos() - approved.sentNanos();
    }

    private long approveOnFresh() {
        Load.Partner p = newPartner();
        Load.Answer submitted = expect(load.register(p.token(), load.nextInn()), 201, "a registration on a fresh opportunity");
        Load.Answer approved = expect(load.approve(submitted.field("registrationId")), 200, "approving on a fresh opportunity");
        return approved.doneNanos() - approved.sentNanos();
    }

    private Load.Answer expect(Load.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private boolean withdraw(Load.Partner partner, String registrationId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Load.Answer a = load.withdraw(partner.token(), registrationId);
            if (a.status() == 200) {
                return true;
            }
            if (a.status() != 429) {
                return false;
            }
            pause();
        }
        return false;
    }

    private Load.Partner newPartner() {
        return load.onboard("L-" + load.run + "-" + partnersOnboarded.incrementAndGet());
    }

    /** The policy's limit on one partner's withdrawals of one opportunity within 24 hours (3 by default). */
    private int resubmissionsAllowed() {
        Load.Answer a = load.get(load.commandUrl + "/api/v1/policies/current", load.adminToken);
        try {
            JsonNode limit = Load.JSON.readTree(a.body()).at("/policy/limits/resubmissionsPerOpportunityPerDay");
            return limit.isInt() ? limit.asInt() : 3;
        } catch (java.io.IOException e) {
            return 3;
        }
    }

    private long events(String opportunityId) throws SQLException {
        try (Connection c = harness.stack.commandDb();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
            ps.setString(1, opportunityId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
