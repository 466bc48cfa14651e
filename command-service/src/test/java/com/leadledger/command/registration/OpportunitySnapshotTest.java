package com.leadledger.command.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.command.config.StoredJsonSerializers;
import com.leadledger.events.common.Money;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportEvidenceRecorded;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.DumpingRule;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.PossibleDumpingDismissed;
import com.leadledger.events.registration.PossibleDumpingDisputed;
import com.leadledger.events.registration.PossibleDumpingFlagged;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.ReviewEscalated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.leadledger.command.registration.OpportunityTest.DUE_2;
import static com.leadledger.command.registration.OpportunityTest.LINE;
import static com.leadledger.command.registration.OpportunityTest.NOW;
import static com.leadledger.command.registration.OpportunityTest.OPP;
import static com.leadledger.command.registration.OpportunityTest.SHA;
import static com.leadledger.command.registration.OpportunityTest.VALUE;
import static com.leadledger.command.registration.OpportunityTest.approved;
import static com.leadledger.command.registration.OpportunityTest.opened;
import static com.leadledger.command.registration.OpportunityTest.sla;
import static com.leadledger.command.registration.OpportunityTest.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Opportunity's state survives a snapshot exactly: stored as the service stores it (Axon's snapshotter, the
 * stored-JSON Jackson mapper) and read back, then brought up to date with the later events, it equals the state rebuilt
 * from the whole stream, wherever the snapshot was taken. And the snapshot layout is pinned to the aggregate's
 * {@code @Revision}, so that a change of the layout cannot keep the revision that old snapshots carry.
 */
class OpportunitySnapshotTest {

    private static final Instant PROTECTED_UNTIL = NOW.plus(Duration.ofDays(90));

    /** Every part of the state: registrations in each status, review levels, extensions, withdrawals, support,
     * evidence, rulings, revocations and possible-dumping flags (disputed and dismissed). */
    private static final List<Object> HISTORY = List.of(
            opened(),
            submitted("r-a", "P-A", 1), sla("r-a"),
            submitted("r-b", "P-B", 2), sla("r-b"),
            submitted("r-c", "P-C", 3), sla("r-c"),
            approved("r-a", "P-A", NOW),
            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "customer delayed", 10, NOW.plusSeconds(3600)),
            new ReviewEscalated(OPP, "r-b", 2, DUE_2, NOW.plusSeconds(3600), 1),
            new RegistrationWithdrawn(OPP, "r-c", "P-C", "lost interest", NOW.plusSeconds(7200)),
            new SupportGranted(OPP, "r-a", "P-A", "strategic", NOW.plusSeconds(10800), 1),
            new SupportEvidenceRecorded(OPP, SHA, "letter.pdf", null, "staff-1", NOW.plusSeconds(10800)),
            new RulingRecorded(OPP, "d-1", "r-b", NOW.plusSeconds(14400)),
            new ExtensionGranted(OPP, "r-a", "x-1", "P-A", 10, PROTECTED_UNTIL.plus(Duration.ofDays(10)), "ok",
                    NOW.plusSeconds(14400), 1),
            submitted("r-d", "P-C", 4, NOW.plusSeconds(18000)), sla("r-d"),
            new ExtensionRequested(OPP, "r-a", "x-2", "P-A", "again", 5, NOW.plusSeconds(19000)),
            new RegistrationLost(OPP, "r-d", "P-C", "price", NOW.plusSeconds(21600)),
            new RegistrationRevoked(OPP, "r-a", "P-A", "d-2", PROTECTED_UNTIL.plus(Duration.ofDays(10)), true,
                    NOW.plusSeconds(25200)),
            submitted("r-e", "P-D", 5, NOW.plusSeconds(26000)),
            new RegistrationWon(OPP, "r-e", "P-D", Money.of("500000", "RUB"), NOW.plusSeconds(27000)),
            dumpingFlag("r-e", "P-D", "500000", NOW.plusSeconds(27000)),
            new PossibleDumpingDisputed(OPP, "r-e", "DF-r-e", "d-3", "staff-1", NOW.plusSeconds(28000)),
            submitted("r-f", "P-E", 6, NOW.plusSeconds(29000)),
            new RegistrationWon(OPP, "r-f", "P-E", Money.of("600000", "RUB"), NOW.plusSeconds(30000)),
            dumpingFlag("r-f", "P-E", "600000", NOW.plusSeconds(30000)),
            new PossibleDumpingDismissed(OPP, "r-f", "DF-r-f", "confirmed budget cut", "staff-1",
                    NOW.plusSeconds(31000)));

    private static PossibleDumpingFlagged dumpingFlag(String registrationId, String partnerId, String finalAmount,
                                                      Instant at) {
        return new PossibleDumpingFlagged(OPP, registrationId, partnerId, "DF-" + registrationId, LINE, VALUE,
                Money.of(finalAmount, "RUB"), BigDecimal.ZERO, new BigDecimal("55.00"),
                PolicyDocument.PriceFloor.maxDiscount("30"), Money.of("875000", "RUB"),
                List.of(DumpingRule.DISCOUNT_ABOVE_APPROVED, DumpingRule.BELOW_POLICY_FLOOR), 1, at);
    }

    private final JacksonSerializer storedJson = StoredJsonSerializers.general();

    @Test
    void stateFromASnapshotAndTheLaterEventsEqualsStateFromTheWholeStreamWhereverTheSnapshotWasTaken() {
        Opportunity fromWholeStream = stateOf(null, HISTORY);

        for (int taken = 1; taken < HISTORY.size(); taken++) {
            Opportunity snapshot = roundTrip(stateOf(null, HISTORY.subList(0, taken)));
            Opportunity fromSnapshot = stateOf(new Snapshot(snapshot, taken - 1), HISTORY.subList(taken, HISTORY.size()));

            assertThat(fromSnapshot).as("snapshot taken after %d events", taken)
                    .usingRecursiveComparison().isEqualTo(fromWholeStream);
            assertThat(json(fromSnapshot)).as("snapshot taken after %d events", taken)
                    .isEqualTo(json(fromWholeStream));
        }
    }

    @Test
    void aSnapshotHoldsEveryFieldOfTheStateUnderTheAggregatesRevision() {
        Opportunity state = stateOf(null, HISTORY);
        SerializedObject<byte[]> stored = storedJson.serialize(state, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo(Opportunity.class.getAnnotation(Revision.class).value());
        JsonNode json = json(state);
        assertThat(names(json)).containsExactlyElementsOf(
                stateFields(Opportunity.class).stream().map(field -> field.substring(field.lastIndexOf(' ') + 1))
                        .toList());
        assertThat(names(json.get("registrations").get("r-a"))).containsExactlyElementsOf(
                Arrays.stream(FiledRegistration.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /**
     * Fails when the snapshot layout changes: raise the Opportunity's {@code @Revision} (snapshots of the old layout are
     * then passed over and the aggregate is rebuilt from its events) and pin the new layout here with it.
     */
    @Test
    void theSnapshotLayoutIsPinnedToTheRevision() {
        assertThat(Opportunity.class.getAnnotation(Revision.class).value()).isEqualTo("2");
        assertThat(stateFields(Opportunity.class)).containsExactly(
                "java.lang.String opportunityId",
                "com.leadledger.events.customer.CustomerKey customerKey",
                "java.lang.String productLine",
                "java.util.Map<java.lang.String, com.leadledger.command.registration.FiledRegistration> registrations",
                "java.lang.String supportedRegistrationId",
                "java.util.Map<java.lang.String, java.util.List<java.time.Instant>> withdrawals",
                "java.util.Set<java.lang.String> recordedEvidence",
                "java.util.Map<java.lang.String, java.lang.String> rulings",
                "java.util.Map<java.lang.String, com.leadledger.command.registration.DumpingFlag> dumpingFlags");
        assertThat(Arrays.stream(FiledRegistration.class.getRecordComponents())
                .map(c -> c.getGenericType().getTypeName() + " " + c.getName()).toList()).containsExactly(
                "java.lang.String registrationId",
                "java.lang.String partnerId",
                "int position",
                "java.time.Instant acceptedAt",
                "com.leadledger.events.registration.RegistrationStatus status",
                "int reviewLevel",
                "java.time.Instant reviewDueAt",
                "java.time.Instant protectedUntil",
                "int extensionsGranted",
                "java.lang.String pendingExtensionId",
                "int pendingExtensionDays",
                "java.lang.String revokedByDisputeId",
                "com.leadledger.events.common.Money registeredValue",
                "java.math.BigDecimal approvedDiscountPercent");
    }

    // ------------------------------------------------------------------ helpers

    private record Snapshot(Opportunity state, long sequenceNumber) {
    }

    /**
     * The state Axon's snapshotter builds from {@code snapshot} (if any) and the {@code events} after it, as the event
     * store serves them: the same sourcing a command's load does.
     */
    private static Opportunity stateOf(Snapshot snapshot, List<Object> events) {
        InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
        try {
            long sequence = 0;
            if (snapshot != null) {
                storage.storeSnapshot(new GenericDomainEventMessage<>("Opportunity", OPP, snapshot.sequenceNumber(),
                        snapshot.state()));
                sequence = snapshot.sequenceNumber() + 1;
            }
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (Object event : events) {
                messages.add(new GenericDomainEventMessage<>("Opportunity", OPP, sequence++, event));
            }
            store.publish(messages);
            DomainEventMessage<?> state = new StateOfTheStream(store).stateOf(store.readEvents(OPP));
            assertThat(state.getSequenceNumber()).isEqualTo(sequence - 1);
            return (Opportunity) state.getPayload();
        } finally {
            store.shutDown();
        }
    }

    /** Axon's snapshotter, asked for the state a stream makes without storing it. */
    private static final class StateOfTheStream extends AggregateSnapshotter {

        StateOfTheStream(EmbeddedEventStore store) {
            super(AggregateSnapshotter.builder().eventStore(store)
                    .aggregateFactories(new GenericAggregateFactory<>(Opportunity.class)));
        }

        DomainEventMessage<?> stateOf(DomainEventStream stream) {
            return createSnapshot(Opportunity.class, OPP, stream);
        }
    }

    /** Stored and read back as the service's event store does with a snapshot. */
    private Opportunity roundTrip(Opportunity state) {
        return storedJson.deserialize(storedJson.serialize(state, byte[].class));
    }

    private JsonNode json(Opportunity state) {
        ObjectMapper mapper = storedJson.getObjectMapper();
        return mapper.valueToTree(state);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** "type name" of each instance field, in declaration order. */
    private static List<String> stateFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .filter(f -> !f.isSynthetic()).map(OpportunitySnapshotTest::describe).toList();
    }

    private static String describe(Field field) {
        return field.getGenericType().getTypeName() + " " + field.getName();
    }
}
