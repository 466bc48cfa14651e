package com.leadledger.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifications of large scopes run in the background, one at a time, with their progress readable while they run.
 * Jobs live in memory (the last {@value #KEPT} are kept): a restart forgets them, and re-running one is harmless.
 */
@Component
class VerifyJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VerifyJobs.class);
    static final int KEPT = 20;

    /** A job as shown on {@code GET /api/v1/audit/verify/jobs/{id}}; {@code result} is set once DONE. */
    record JobView(String id, String scope, String state, String phase, long eventsDone, long eventsTotal,
                   Instant startedAt, Instant finishedAt, CopyVerifier.Result result, String error) {
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String scope;
        final Instant startedAt;
        volatile String state = "QUEUED";
        volatile String phase = "CHAINS";
        volatile long eventsDone;
        volatile long eventsTotal;
        volatile Instant finishedAt;
        volatile CopyVerifier.Result result;
        volatile String error;

        Job(String scope, Instant startedAt) {
            this.scope = scope;
            this.startedAt = startedAt;
        }

        JobView view() {
            return new JobView(id, scope, state, phase, eventsDone, eventsTotal, startedAt, finishedAt, result, error);
        }
    }

    private final CopyVerifier verifier;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "verify-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    VerifyJobs(CopyVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    JobView start(String scope, String streamId) {
        Job job = new Job(scope, clock.instant());
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        executor.submit(() -> run(job, streamId));
        return job.view();
    }

    Optional<JobView> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::view);
        }
    }

    private void run(Job job, String streamId) {
        try {
            job.state = "RUNNING";
            job.eventsTotal = verifier.eventsInScope(streamId);
            job.result = verifier.verify(job.scope, streamId, (phase, done) -> {
                job.phase = phase;
                job.eventsDone = done;
            });
            job.eventsDone = job.eventsTotal;
            job.state = "DONE";
        } catch (RuntimeException e) {
            log.warn("verification job {} failed: {}", job.id, e.toString());
            job.error = e.getMessage();
            job.state = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
