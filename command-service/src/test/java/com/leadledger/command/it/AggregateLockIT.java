package com.leadledger.command.it;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.leadledger.command.it.HeldStreamHead.post;
import static com.leadledger.command.it.HeldStreamHead.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cross-instance aggregate lock: while another transaction holds an opportunity's lock, as a command on a second
 * instance would, a command on that opportunity waits for it, and a submission on another customer (a command that
 * names no aggregate) goes through.
 */
class AggregateLockIT extends CommandServiceITBase {

    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    /** The lock the command service takes per aggregate (AggregateLockInterceptor). */
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 7))";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void aCommandOnAnOpportunityWaitsWhileAnotherTransactionHoldsItsLock() throws Exception {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String partner = Onboarding.onboardGold(http);
        var registration = submit(http, partner, Inns.random());
        String opportunityId = registration.get("opportunityId").asText();
        CompletableFuture<HttpApi.Answer> approval;

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            lock(otherInstance, opportunityId);

            approval = CompletableFuture.supplyAsync(() -> http.post("/api/v1/registrations/"
                    + registration.get("registrationId").asText() + "/approve", MANAGER, "{\"discountPercent\": 10}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForAnAdvisoryLock(otherInstance));
            HttpApi.Answer elsewhere = post(http, partner, Inns.random());
            assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(201);
            assertThat(approval).as("the approval waits for the opportunity's lock").isNotDone();

            otherInstance.rollback();
        }

        HttpApi.Answer approved = approval.get(30, TimeUnit.SECONDS);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
    }

    private static void lock(Connection connection, String aggregateId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, aggregateId);
            lock.executeQuery().close();
        }
    }

    /** A backend other than the given connection's waits for an advisory lock. */
    private static boolean waitingForAnAdvisoryLock(Connection connection) throws SQLException {
        try (PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_locks"
                + " WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()");
             ResultSet count = waiting.executeQuery()) {
            return count.next() && count.getLong(1) > 0;
        }
    }
}
