package com.leadledger.e2e;

import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;

/**
 * Closed-loop clients submitting registrations, as behind a load balancer: each request goes to the next command
 * instance in the rotation (round robin); an instance taken out of the rotation gets no new requests. Each client is
 * one partner. Every fourth submission of a client names the next of a list of customers that every client names in
 * the same order, so several partners compete for the same opportunity at about the same moment, through different
 * instances; the other submissions name a new customer each.
 */
final class RegistrationLoad implements AutoCloseable {

    /** A submission answered 201. */
    record Accepted(String registrationId, String opportunityId, String partnerId) {
    }

    /** A submission without a 201: its answer, or the I/O failure (a killed instance drops its connections). */
    record Failure(String instance, String outcome) {
    }

    record Target(String name, HttpApi api) {
    }

    private static final int SHARED_EVERY = 4;

    private final List<Target> rotation;
    private final List<String> sharedCustomers;
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong turn = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    RegistrationLoad(List<Target> targets, List<String> partnerIds, int sharedCustomers) {
        this.rotation = new CopyOnWriteArrayList<>(targets);
        this.sharedCustomers = IntStream.range(0, sharedCustomers).mapToObj(i -> Inns.random()).toList();
        targets.forEach(t -> inFlight.put(t.name(), new AtomicInteger()));
        for (String partnerId : partnerIds) {
            Thread client = new Thread(() -> submitUntilStopped(partnerId), "load-" + partnerId);
            clients.add(client);
            client.start();
        }
    }

    private void submitUntilStopped(String partnerId) {
        String token = partnerToken(partnerId);
        int submitted = 0;
        int shared = 0;
        while (running.get()) {
            boolean sharedTurn = submitted++ % SHARED_EVERY == SHARED_EVERY - 1 && shared < sharedCustomers.size();
            String inn = sharedTurn ? sharedCustomers.get(shared++) : Inns.random();
            Target target = nextTarget();
            AtomicInteger pending = inFlight.get(target.name());
            pending.incrementAndGet();
            try {
                HttpApi.Answer answer = target.api().post("/api/v1/registrations", token, registration(inn));
                if (answer.status() == 201) {
                    accepted.add(new Accepted(answer.text("registrationId"), answer.text("opportunityId"), partnerId));
                } else {
                    failures.add(new Failure(target.name(), answer.status() + " " + answer.raw()));
                }
            } catch (IllegalStateException ioFailure) {
                failures.add(new Failure(target.name(), ioFailure.getMessage()));
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    private Target nextTarget() {
        List<Target> live = List.copyOf(rotation);
        return live.get((int) (turn.getAndIncrement() % live.size()));
    }

    private static String registration(String inn) {
        return """
                {"customer": {"legalName": "Scale-out %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "750000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, LocalDate.now().plusDays(60));
    }

    /** Requests sent to the instance and not answered yet. */
    int inFlight(String instance) {
        return inFlight.get(instance).get();
    }

    /** The instance gets no new requests (a load balancer noticed it is gone). */
    void takeOutOfRotation(String instance) {
        rotation.removeIf(t -> t.name().equals(instance));
    }

    int acceptedSoFar() {
        return accepted.size();
    }

    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Stops the clients once their requests in flight are answered. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(60));
        }
    }
}
