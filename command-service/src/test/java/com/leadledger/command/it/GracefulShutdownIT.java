package com.leadledger.command.it;

import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.leadledger.command.it.HeldStreamHead.onboard;
import static com.leadledger.command.it.HeldStreamHead.post;
import static com.leadledger.command.it.HeldStreamHead.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown: a request in flight when the service is told to stop is finished and answered (201), and its
 * event is stored and either published or still queued for the relay — nothing half-done, nothing lost.
 */
// A service of its own, not the shared test context: it stops it.
@Tag("drill")
class GracefulShutdownIT {

    static final String DB = "graceful_it_" + UUID.randomUUID().toString().substring(0, 8);
    static final String TOPIC = "leadledger.events." + DB;

    /** A service of its own (not the test framework's cached context), since this test stops it. */
    static ConfigurableApplicationContext startService() {
        Map<String, Object> properties = RealInfrastructure.ownServiceSettings(DB);
        properties.put("leadledger.kafka.topic", TOPIC);
        return RealInfrastructure.startOwnService(properties);
    }

    @Test
    void aRequestInFlightWhenTheServiceStopsIsFinishedAndItsEventIsNotLost() throws Exception {
        ConfigurableApplicationContext context = startService();
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        HttpApi http = RealInfrastructure.http(context);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String a = onboard(http, "P-A" + tag);
        String b = onboard(http, "P-B" + tag);
        String inn = Inns.random();
        String opportunity = submit(http, a, inn).get("opportunityId").asText();

        try (HeldStreamHead held = HeldStreamHead.hold(url, opportunity)) {
            CompletableFuture<HttpApi.Answer> inFlight = CompletableFuture.supplyAsync(() -> post(http, b, inn));
            Conditions.awaitBlockedBy(url, Conditions.backendPid(held.connection()),
                    "the registration's insert waits for the held stream head");
            assertThat(inFlight).isNotDone();

            CountDownLatch shutdownBegun = new CountDownLatch(1);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> shutdownBegun.countDown());
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::close);
            assertThat(shutdownBegun.await(60, TimeUnit.SECONDS)).as("the shutdown begins").isTrue();
            // a pause on purpose: it proves that the shutdown does NOT finish while the request is held
            Thread.sleep(1_500);
            assertThat(stopping).as("the shutdown waits for the request in flight").isNotDone();
            assertThat(inFlight).isNotDone();
            held.release(); // the request can finish now

            HttpApi.Answer answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            stopping.get(30, TimeUnit.SECONDS);

            String registrationId = answer.text("registrationId");
            try (PreparedStatement stored = held.connection().prepareStatement("""
                    SELECT e.globalindex, EXISTS (SELECT 1 FROM relay_outbox o WHERE o.global_index = e.globalindex)
                    FROM domainevententry e
                    WHERE e.aggregateidentifier = ? AND convert_from(e.payload, 'UTF8') LIKE ?""")) {
                stored.setString(1, opportunity);
                stored.setString(2, "%" + registrationId + "%");
                ResultSet row = stored.executeQuery();
                assertThat(row.next()).as("the answered registration is stored").isTrue();
                boolean queued = row.getBoolean(2);
                if (!queued) { // dequeued only after Kafka acknowledged it
                    RealInfrastructure.awaitEnvelope(TOPIC,
                            e -> registrationId.equals(e.payload().path("registrationId").asText()));
                }
            }
        }
    }
}
