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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifications of large scopes run in the background, one at a time, with their progress readable while they run.
 * A caller has at most one verification of the whole copy at a time, queued or running, in the background or in its
 * own request: asking for another meanwhile is refused with {@link VerificationRunning}.
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

    /** The caller's verification of the whole copy that has not finished yet. */
    static final class VerificationRunning extends RuntimeException {
        private final transient JobView running;

        VerificationRunning(JobView running) {
            super("A verification of the whole copy is already running for this caller");
            this.running = running;
        }

        JobView running() {
            return running;
        }
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String scope;
        final String streamId;
        final Instant startedAt;
        volatile String state = "QUEUED";
        volatile String phase = "CHAINS";
        volatile long eventsDone;
        volatile long eventsTotal;
        volatile Instant finishedAt;
        volatile CopyVerifier.Result result;
        volatile String error;

        Job(String scope, String streamId, Instant startedAt) {
            this.scope = scope;
            this.streamId = streamId;
            this.startedAt = startedAt;
        }

        boolean wholeCopy() {
            return streamId == null;
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
    /** Per caller, its verification of the whole copy until it finishes. */
    private final ConcurrentMap<String, Job> wholeCopyByCaller = new ConcurrentHashMap<>();

    VerifyJobs(CopyVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Queues a verification and answers at once.
     *
     * @throws VerificationRunning for the whole copy while the caller's previous one has not finished
     */
    JobView start(String scope, String streamId, String caller) {
        Job job = claim(new Job(scope, streamId, clock.instant()), caller);
        executor.submit(() -> {
            try {
                run(job, caller);
            } catch (RuntimeException | Error e) {
                log.warn("verification job {} failed", job.id, e);
            }
        });
        return job.view();
    }

    /**
     * Verifies the whole copy in the caller's own request, visible as a job while it runs; a failure is thrown.
     *
     * @throws VerificationRunning while the caller's previous verification of the whole copy has not finished
     */
    CopyVerifier.Result verifyWholeCopyNow(String scope, String caller) {
        return run(claim(new Job(scope, null, clock.instant()), caller), caller);
    }

    Optional<JobView> find(String id) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            if (job == null) {
                // a long-running job may have been pushed out of the kept ones: it stays visible until it finishes
                job = wholeCopyByCaller.values().stream().filter(j -> j.id.equals(id)).findFirst().orElse(null);
            }
            return Optional.ofNullable(job).map(Job::view);
        }
    }

    private Job claim(Job job, String caller) {
        if (job.wholeCopy()) {
            Job running = wholeCopyByCaller.putIfAbsent(caller, job);
            if (running != null) {
                throw new VerificationRunning(running.view());
            }
        }
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        return job;
    }

    private CopyVerifier.Result run(Job job, String caller) {
        try {
            job.state = "RUNNING";
            job.eventsTotal = verifier.eventsInScope(job.streamId);
            job.result = verifier.verify(job.scope, job.streamId, (phase, done) -> {
                job.phase = phase;
                job.eventsDone = done;
            });
            job.eventsDone = job.eventsTotal;
            job.state = "DONE";
            return job.result;
        } catch (RuntimeException | Error e) {
            // an Error too: left RUNNING, the job would show a progress bar that never ends
            job.error = String.valueOf(e.getMessage());
            job.state = "FAILED";
            throw e;
        } finally {
            job.finishedAt = clock.instant();
            wholeCopyByCaller.remove(caller, job);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
