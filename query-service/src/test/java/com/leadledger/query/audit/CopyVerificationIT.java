package com.leadledger.query.audit;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.EventLogRepository;
import com.leadledger.query.it.QueryServiceITBase;
import com.leadledger.integrity.chain.ChainBreak;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy's verification re-computes every hash from the stored form the envelopes carried (sealed as the command
 * side seals them, with the integrity module's chain): an untouched stream verifies event by event, with none left
 * unverifiable; an altered or removed event is caught at its place. The rows are written in a transaction that is
 * rolled back, so the other tests' verifications of the whole copy never see them.
 */
class CopyVerificationIT extends QueryServiceITBase {

    @Autowired
    CopyVerifier verifier;
    @Autowired
    EventLogRepository eventLog;
    @Autowired
    JdbcClient sql;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry registry;

    @Test
    void everyEventOfAnUntouchedStreamIsVerifiedByItsHash() {
        Fixtures.OpportunityStream stream = story();
        double verifiedBefore = verifiedEvents();

        CopyVerifier.Result result = verifyHolding(stream, events -> events.forEach(eventLog::append));

        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.streams()).isEqualTo(1);
        assertThat(result.events()).isEqualTo(stream.envelopes().size()).isEqualTo(5);
        assertThat(result.unverifiable()).isZero();
        assertThat(result.firstBreak()).isNull();
        assertThat(verifiedEvents() - verifiedBefore).isEqualTo(5);
    }

    @Test
    void anEventWhoseStoredFormWasAlteredIsCaughtAtItsPlace() {
        Fixtures.OpportunityStream stream = story();
        EventEnvelope altered = stream.envelopes().get(2);

        CopyVerifier.Result result = verifyHolding(stream, events -> events.forEach(event -> eventLog.append(
                event == altered ? withStoredPayload(event, event.integrity().storedPayload()
                        .replace("approved in test", "approved in test, 40 %")) : event)));

        assertThat(result.intact()).isFalse();
        assertThat(result.unverifiable()).isZero();
        assertThat(result.events()).as("events checked up to the break").isEqualTo(3);
        ChainBreak found = result.firstBreak();
        assertThat(found.kind()).as(found.describe()).isEqualTo("HASH_MISMATCH");
        assertThat(found.streamId()).isEqualTo(stream.opportunityId());
        assertThat(found.sequenceNumber()).isEqualTo(2);
        assertThat(found.eventId()).isEqualTo(altered.eventId());
        assertThat(found.found()).isEqualTo(altered.integrity().eventHash());
    }

    @Test
    void anEventRemovedFromTheMiddleOfAStreamIsCaughtWhereItIsMissing() {
        Fixtures.OpportunityStream stream = story();
        EventEnvelope removed = stream.envelopes().get(1);

        CopyVerifier.Result result = verifyHolding(stream, events -> events.stream().filter(event -> event != removed)
                .forEach(eventLog::append));

        assertThat(result.intact()).isFalse();
        assertThat(result.unverifiable()).isZero();
        ChainBreak found = result.firstBreak();
        assertThat(found.streamId()).isEqualTo(stream.opportunityId());
        assertThat(found.sequenceNumber()).as(found.describe()).isEqualTo(2);
        assertThat(found.kind()).as(found.describe()).isEqualTo("SEQUENCE_GAP");
    }

    /** An opportunity opened, two registrations, the first approved, support granted: five hashed events. */
    private static Fixtures.OpportunityStream story() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted first = stream.submit("P-verified-" + UUID.randomUUID().toString().substring(0, 8));
        stream.approve(first, "10", 90);
        stream.submit("P-second-" + UUID.randomUUID().toString().substring(0, 8));
        stream.grantSupport(first);
        assertThat(stream.envelopes()).allSatisfy(event -> assertThat(event.integrity()).isNotNull());
        return stream;
    }

    /** Writes the stream's events as {@code write} does, verifies the stream, and rolls the rows back. */
    private CopyVerifier.Result verifyHolding(Fixtures.OpportunityStream stream, Consumer<List<EventEnvelope>> write) {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        CopyVerifier.Result result = rolledBack.execute(status -> {
            status.setRollbackOnly();
            write.accept(stream.envelopes());
            return verifier.verify("stream:" + stream.opportunityId(), stream.opportunityId());
        });
        assertThat(sql.sql("SELECT count(*) FROM event_log WHERE aggregate_id = :id")
                .param("id", stream.opportunityId()).query(Long.class).single()).as("rolled back").isZero();
        return result;
    }

    private double verifiedEvents() {
        return registry.counter("leadledger.audit.verified.events").count();
    }

    private static EventEnvelope withStoredPayload(EventEnvelope event, String storedPayload) {
        EventEnvelope.Integrity sealed = event.integrity();
        assertThat(storedPayload).isNotEqualTo(sealed.storedPayload());
        return new EventEnvelope(event.schemaVersion(), event.eventId(), event.eventType(), event.aggregateType(),
                event.aggregateId(), event.sequenceNumber(), event.globalIndex(), event.timestamp(), event.metadata(),
                event.payload(), new EventEnvelope.Integrity(sealed.previousHash(), sealed.eventHash(),
                sealed.payloadType(), sealed.payloadRevision(), sealed.storedTimestamp(), storedPayload,
                sealed.storedMetadata()));
    }
}
