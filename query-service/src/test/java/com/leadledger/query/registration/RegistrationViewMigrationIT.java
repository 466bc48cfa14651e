package com.leadledger.query.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerNames;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.EventLogRepository;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.projection.ViewDocuments;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing database migrates to the document layout of {@code registration_view}: rows written by the column
 * layout before it read back as exactly the views the projection writes now, with every member. The database holds
 * the events in event_log as a real one does, so later migrations that derive members from the history take part.
 */
class RegistrationViewMigrationIT {

    static final ViewDocuments DOCUMENTS = new ViewDocuments(Fixtures.CODEC);

    @Test
    void rowsOfTheColumnLayoutBecomeTheDocumentsOfTheSameViews() {
        List<EventEnvelope> history = registrationsInEveryState();
        Collection<RegistrationView> views = RegistrationView.PROJECTOR.foldAll(history.stream()
                .map(envelope -> new Projector.Step(Fixtures.CODEC.payload(envelope).orElseThrow(),
                        EventRef.of(envelope)))
                .toList()).values();
        PostgresServer pg = TestInfrastructure.postgres();
        // as the migration owner, which owns the tables in a deployment; the grants name the application role
        DriverManagerDataSource database = new DriverManagerDataSource(
                pg.jdbcUrl(pg.freshDatabase("registration_migration")), pg.roles().migrationUser(), pg.roles().migrationPassword());
        Map<String, String> placeholders = Map.of("app-role", pg.roles().appUser());
        Flyway.configure().dataSource(database).placeholders(placeholders).target("11").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        EventLogRepository eventLog = new EventLogRepository(jdbc, new NamedParameterJdbcTemplate(database),
                Fixtures.CODEC);
        history.forEach(eventLog::append);
        views.forEach(view -> insertInColumnLayout(jdbc, view));

        Flyway.configure().dataSource(database).placeholders(placeholders).load().migrate();

        for (RegistrationView view : views) {
            Map<String, Object> row = jdbc.sql("SELECT status, review_level, customer_name_normalized,"
                            + " document::text AS document FROM registration_view WHERE registration_id = :id")
                    .param("id", view.registrationId()).query().singleRow();
            assertThat(DOCUMENTS.read((String) row.get("document"), RegistrationView.class)).isEqualTo(view);
            assertThat(row.get("status")).isEqualTo(view.status().name());
            assertThat(row.get("review_level")).isEqualTo(view.reviewLevel());
            assertThat(row.get("customer_name_normalized"))
                    .isEqualTo(CustomerNames.normalize(view.customer().legalName()));
        }
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = 'registration_view'").query(String.class).list()).containsExactlyInAnyOrder("registration_id", "opportunity_id",
                "partner_id", "position", "status", "customer_key", "customer_domain", "customer_name_normalized",
                "product_line", "accepted_at", "review_level", "document");
    }

    /** The events of registrations that together cover every member of the view, null and set. */
    private static List<EventEnvelope> registrationsInEveryState() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted underReview = stream.submit("P-review");
        stream.slaStarted(underReview, Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        RegistrationSubmitted supported = stream.submit("P-supported", new CustomerIdentity("ООО «Ромашка»", "RU",
                stream.customerKey(), "romashka.ru", "Moscow"));
        RegistrationApproved approved = stream.approve(supported, "15.50", 90);
        stream.requestExtension(supported, 30, "the customer's budget moved to the next quarter");
        stream.grantSupport(supported);
        stream.reject(stream.submit("P-rejected"), RejectionReason.ALREADY_REGISTERED, "another partner was first",
                supported.acceptedAt());
        RegistrationSubmitted won = stream.submit("P-won");
        stream.approve(won, "10", 60);
        ExtensionRequested request = stream.requestExtension(won, 20, "longer evaluation");
        stream.grantExtension(request, approved.protectedUntil().plus(20, ChronoUnit.DAYS));
        stream.won(won, Money.of("1180000.00", "RUB"));
        stream.lost(stream.submit("P-lost"), "the customer chose another vendor");
        stream.withdraw(stream.submit("P-withdrawn"), "the project was postponed");
        return stream.envelopes();
    }

    /** The row as the projection wrote it before the document layout (V1 and V2). */
    private static void insertInColumnLayout(JdbcClient jdbc, RegistrationView v) {
        RegistrationView.PendingExtension pending = v.pendingExtension();
        RegistrationView.Rejection rejection = v.rejection();
        RegistrationView.Outcome outcome = v.outcome();
        Money finalValue = outcome == null ? null : outcome.finalValue();
        jdbc.sql("""
                        INSERT INTO registration_view (registration_id, opportunity_id, partner_id, position, status,
                            customer_legal_name, customer_country, customer_tax_id, customer_domain, customer_region,
                            customer_key, product_line, estimated_value_amount, estimated_value_currency,
                            expected_close_date, description, accepted_at, policy_version, withdrawn_at,
                            withdrawal_reason, discount_percent, protection_days, protected_until, supported,
                            review_level, review_due_at, extensions_granted, pending_extension_id,
                            pending_extension_days, pending_extension_reason, pending_extension_requested_at,
                            rejection_reason_code, rejection_note, rejection_earlier_registered_at, outcome_result,
                            outcome_final_value_amount, outcome_final_value_currency, outcome_reason,
                            outcome_reported_at, decided_at, updated_at, last_event_id, customer_name_normalized)
                        VALUES (:registrationId, :opportunityId, :partnerId, :position, :status, :legalName, :country,
                                :taxId, :domain, :region, :customerKey, :productLine, :amount, :currency,
                                :expectedCloseDate, :description, :acceptedAt, :policyVersion, :withdrawnAt,
                                :withdrawalReason, :discountPercent, :protectionDays, :protectedUntil, :supported,
                                :reviewLevel, :reviewDueAt, :extensionsGranted, :pendingId, :pendingDays,
                                :pendingReason, :pendingRequestedAt, :rejectionReason, :rejectionNote,
                                :rejectionEarlierAt, :outcomeResult, :finalAmount, :finalCurrency, :outcomeReason,
                                :outcomeReportedAt, :decidedAt, :updatedAt, :lastEventId, :nameNormalized)""")
                .param("registrationId", v.registrationId())
                .param("opportunityId", v.opportunityId())
                .param("partnerId", v.partnerId())
                .param("position", v.position())
                .param("status", v.status().name())
                .param("legalName", v.customer().legalName())
                .param("country", v.customer().country())
                .param("taxId", v.customer().taxId(), Types.VARCHAR)
                .param("domain", v.customer().domain(), Types.VARCHAR)
                .param("region", v.customer().region(), Types.VARCHAR)
                .param("customerKey", v.customerKey())
                .param("productLine", v.productLine())
                .param("amount", v.estimatedValue().amount())
                .param("currency", v.estimatedValue().currency())
                .param("expectedCloseDate", Date.valueOf(v.expectedCloseDate()))
                .param("description", v.description(), Types.VARCHAR)
                .param("acceptedAt", timestamp(v.acceptedAt()))
                .param("policyVersion", v.policyVersion())
                .param("withdrawnAt", timestamp(v.withdrawnAt()), Types.TIMESTAMP)
                .param("withdrawalReason", v.withdrawalReason(), Types.VARCHAR)
                .param("discountPercent", v.discountPercent(), Types.NUMERIC)
                .param("protectionDays", v.protectionDays(), Types.INTEGER)
                .param("protectedUntil", timestamp(v.protectedUntil()), Types.TIMESTAMP)
                .param("supported", v.supported())
                .param("reviewLevel", v.reviewLevel(), Types.INTEGER)
                .param("reviewDueAt", timestamp(v.reviewDueAt()), Types.TIMESTAMP)
                .param("extensionsGranted", v.extensionsGranted())
                .param("pendingId", pending == null ? null : pending.extensionRequestId(), Types.VARCHAR)
                .param("pendingDays", pending == null ? null : pending.days(), Types.INTEGER)
                .param("pendingReason", pending == null ? null : pending.reason(), Types.VARCHAR)
                .param("pendingRequestedAt", pending == null ? null : timestamp(pending.requestedAt()),
                        Types.TIMESTAMP)
                .param("rejectionReason", rejection == null ? null : rejection.reasonCode(), Types.VARCHAR)
                .param("rejectionNote", rejection == null ? null : rejection.note(), Types.VARCHAR)
                .param("rejectionEarlierAt", rejection == null ? null : timestamp(rejection.earlierRegisteredAt()),
                        Types.TIMESTAMP)
                .param("outcomeResult", outcome == null ? null : outcome.result(), Types.VARCHAR)
                .param("finalAmount", finalValue == null ? null : finalValue.amount(), Types.NUMERIC)
                .param("finalCurrency", finalValue == null ? null : finalValue.currency(), Types.VARCHAR)
                .param("outcomeReason", outcome == null ? null : outcome.reason(), Types.VARCHAR)
                .param("outcomeReportedAt", outcome == null ? null : timestamp(outcome.reportedAt()),
                        Types.TIMESTAMP)
                .param("decidedAt", timestamp(v.decidedAt()), Types.TIMESTAMP)
                .param("updatedAt", timestamp(v.updatedAt()))
                .param("lastEventId", v.lastEventId())
                .param("nameNormalized", CustomerNames.normalize(v.customer().legalName()))
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
