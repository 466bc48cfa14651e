package com.leadledger.e2e;

import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent closed-loop clients against one command service, each a partner of its own submitting a new customer per
 * request until stopped. Every request is kept with when it was sent, when it ended, and how: a drill that kills
 * something at a known instant can then tell which requests were in flight at that instant and what became of them.
 */
final class SubmissionBurst implements AutoCloseable {

    /**
     * One request: sent and ended on {@link System#nanoTime()}'s scale; {@code status} 0 and a {@code failure} when it
     * got no HTTP answer at all (connection refused or reset, or no answer within the client's timeout).
     */
    record Submission(String partnerId, String inn, long sentAt, long endedAt, int status, String registrationId,
                      String failure) {

        boolean accepted() {
            return status == 201;
        }

        boolean unanswered() {
            return failure != null;
        }

        boolean inFlightAt(long instant) {
            return sentAt < instant && endedAt > instant;
        }
    }

    private final ConcurrentLinkedQueue<Submission> submissions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    SubmissionBurst(HttpApi api, List<String> partnerIds) {
        for (String partnerId : partnerIds) {
            Thread client = new Thread(() -> submitUntilStopped(api, partnerId), "burst-" + partnerId);
            clients.add(client);
            client.start();
        }
    }

    private void submitUntilStopped(HttpApi api, String partnerId) {
        String token = partnerToken(partnerId);
        while (running.get()) {
            String inn = Inns.random();
            long sentAt = System.nanoTime();
            inFlight.incrementAndGet();
            Submission submission;
            try {
                HttpApi.Answer answer = api.post("/api/v1/registrations", token, registration(inn));
                submission = new Submission(partnerId, inn, sentAt, System.nanoTime(), answer.status(),
                        answer.status() == 201 ? answer.text("registrationId") : null, null);
            } catch (IllegalStateException noAnswer) {
                submission = new Submission(partnerId, inn, sentAt, System.nanoTime(), 0, null, noAnswer.getMessage());
            } finally {
                inFlight.decrementAndGet();
            }
            submissions.add(submission);
            if (submission.accepted()) {
                accepted.incrementAndGet();
            } else {
                // a client's back-off while the service is away (refused connections, 503s), not a wait for a result
                pause(Duration.ofMillis(50));
            }
        }
    }

    static String registration(String inn) {
        return """
                {"customer": {"legalName": "Drill %s", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(inn, inn, LocalDate.now().plusDays(60));
    }

    int acceptedSoFar() {
        return accepted.get();
    }

    /** Requests sent and not ended yet. */
    int inFlight() {
        return inFlight.get();
    }

    void awaitAccepted(int count) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> accepted.get() >= count);
    }

    /** Waits until at least {@code count} requests are in flight (all clients are busy with a request). */
    void awaitInFlight(int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> inFlight.get() >= count);
    }

    /** Every request so far, in the order they ended. */
    List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Stops the clients once their requests in flight have ended. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
