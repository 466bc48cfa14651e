package com.leadledger.e2e;

import com.leadledger.client.command.api.RegistrationsApi;
import com.leadledger.client.command.api.ReviewApi;
import com.leadledger.client.command.model.ApproveBody;
import com.leadledger.client.command.model.Approved;
import com.leadledger.client.command.model.Customer;
import com.leadledger.client.command.model.MoneyBody;
import com.leadledger.client.command.model.SubmissionResponse;
import com.leadledger.client.command.model.SubmitRegistrationRequest;
import com.leadledger.client.query.api.AuditApi;
import com.leadledger.client.query.api.OpportunitiesApi;
import com.leadledger.client.query.model.AuditEvent;
import com.leadledger.client.query.model.OpportunityResponse;
import com.leadledger.client.query.model.PageResponseAuditEvent;
import com.leadledger.client.query.model.RankingEntry;
import com.leadledger.client.query.model.RegistrationResponse;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The main story driven only through the Java clients generated from the committed OpenAPI documents (which
 * {@link OpenApiDocumentsIT} holds equal to the served ones): a partner submits and reads its registration back, a
 * manager approves it and sees it first in the opportunity's ranking, an auditor reads the opportunity's events.
 */
class GeneratedClientStoryIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String PARTNER = "P-1001";

    @Test
    void theMainStoryThroughTheGeneratedClients() throws Exception {
        String partner = partnerToken(PARTNER);
        SubmissionResponse submitted = new RegistrationsApi(command(partner)).submitRegistration(
                new SubmitRegistrationRequest()
                        .customer(new Customer().legalName("ООО «Клиент»").country("RU").taxId(Inns.random())
                                .domain("klient.ru"))
                        .productLine("NETWORK_SECURITY")
                        .estimatedValue(new MoneyBody().amount("1250000.00").currency("RUB"))
                        .expectedCloseDate(LocalDate.now().plusDays(90))
                        .description("Firewall refresh, through the generated client"),
                "generated-client-" + UUID.randomUUID());
        assertThat(submitted.getRegistrationId()).isNotBlank();
        assertThat(submitted.getStatus()).hasToString("SUBMITTED");
        assertThat(submitted.getReceipt()).isNotNull();
        String registrationId = submitted.getRegistrationId();
        String opportunityId = submitted.getOpportunityId();

        RegistrationResponse readBack = eventually(() ->
                new com.leadledger.client.query.api.RegistrationsApi(query(partner)).getRegistration(registrationId));
        assertThat(readBack.getPartnerId()).isEqualTo(PARTNER);
        assertThat(readBack.getOpportunityId()).isEqualTo(opportunityId);
        assertThat(String.valueOf(readBack.getEstimatedValue().getAmount())).isEqualTo("1250000.00");

        String manager = staffToken("CHANNEL_MANAGER");
        Approved approved = new ReviewApi(command(manager)).approveRegistration(registrationId,
                new ApproveBody().discountPercent(new BigDecimal("10")).note("generated client"), null);
        assertThat(approved.getStatus()).hasToString("APPROVED");
        assertThat(approved.getProtectedUntil()).isNotNull();

        OpportunitiesApi opportunities = new OpportunitiesApi(query(manager));
        OpportunityResponse opportunity = eventually(() -> {
            OpportunityResponse read = opportunities.getOpportunity(opportunityId);
            assertThat(read.getRanking()).extracting(RankingEntry::getStatus).extracting(String::valueOf)
                    .contains("APPROVED");
            return read;
        });
        RankingEntry first = opportunity.getRanking().get(0);
        assertThat(first.getPosition()).isEqualTo(1);
        assertThat(first.getRegistrationId()).isEqualTo(registrationId);
        assertThat(first.getPartnerId()).isEqualTo(PARTNER);

        AuditApi audit = new AuditApi(query(staffToken("AUDITOR")));
        PageResponseAuditEvent events = eventually(() -> {
            PageResponseAuditEvent page = audit.auditEvents(opportunityId, null, null);
            assertThat(page.getItems()).extracting(AuditEvent::getEventType).contains("RegistrationApproved");
            return page;
        });
        List<String> types = events.getItems().stream().map(AuditEvent::getEventType).toList();
        assertThat(types).startsWith("OpportunityOpened", "RegistrationSubmitted");
        assertThat(events.getItems()).extracting(AuditEvent::getAggregateId).containsOnly(opportunityId);
        assertThat(events.getItems()).extracting(AuditEvent::getSequenceNumber).startsWith(0L, 1L);

        // a refusal arrives as the documented problem: another partner does not see the registration
        assertThatThrownBy(() -> new com.leadledger.client.query.api.RegistrationsApi(query(partnerToken("P-1002")))
                .getRegistration(registrationId))
                .isInstanceOfSatisfying(com.leadledger.client.query.ApiException.class, refusal -> {
                    assertThat(refusal.getCode()).isEqualTo(404);
                    assertThat(refusal.getResponseBody()).contains("\"code\":\"NOT_FOUND\"");
                });
    }

    private static com.leadledger.client.command.ApiClient command(String token) {
        com.leadledger.client.command.ApiClient client = new com.leadledger.client.command.ApiClient();
        client.updateBaseUri(system.command.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static com.leadledger.client.query.ApiClient query(String token) {
        com.leadledger.client.query.ApiClient client = new com.leadledger.client.query.ApiClient();
        client.updateBaseUri(system.query.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** The read side catches up within seconds: the call's answer once it stops failing. */
    private static <T> T eventually(Callable<T> read) {
        AtomicReference<T> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> answer.set(read.call()));
        return answer.get();
    }
}
