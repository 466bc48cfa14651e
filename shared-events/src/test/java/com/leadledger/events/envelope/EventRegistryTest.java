package com.leadledger.events.envelope;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.events.dispute.RulingEffects;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.registration.RegistrationSubmitted;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event registry is derived from the sealed {@link LeadLedgerEvent} hierarchy; this test closes the one gap the
 * compiler leaves open, a record written as an event but never attached to the hierarchy. The rule: every public
 * top-level record in an event package either is a {@link LeadLedgerEvent} (and so registered) or is named below as a
 * value object that events carry.
 */
class EventRegistryTest {

    /** The packages under {@code com.leadledger.events} that hold no events by design; every other one is scanned. */
    static final Set<String> NOT_EVENT_PACKAGES = Set.of("common", "customer", "envelope", "integrity");

    /** Records in event packages that are parts of events, not events. */
    static final Set<Class<? extends Record>> VALUE_OBJECTS = Set.of(
            DisputeAmounts.class,
            EvidenceDocument.class,
            RulingEffects.class,
            PolicyDocument.class,
            ProgramRules.class,
            PointsRules.class,
            RebateRules.class);

    /**
     * The names the envelopes carried before the registry was derived from the code. Stored events keep their names
     * for ever, so each must still resolve (new names may be added).
     */
    static final List<String> PUBLISHED_NAMES = List.of("PolicyPublished", "PartnerOnboarded", "PartnerTierChanged",
            "PartnerProductLinesChanged", "PartnerSuspended", "PartnerReinstated", "PartnerPenalized",
            "PartnerPenaltyReversed", "OpportunityOpened", "RegistrationSubmitted", "ReviewSlaStarted",
            "ReviewEscalated", "RegistrationBecameReviewable", "RegistrationApproved", "RegistrationRejected",
            "EarlierRegistrationNoticeIssued", "RegistrationWithdrawn", "RegistrationExpired", "RegistrationRevoked",
            "RegistrationRevocationReversed", "ExtensionRequested", "ExtensionGranted", "ExtensionRefused",
            "RegistrationWon", "RegistrationLost", "SupportGranted", "SupportMoved", "SupportWithdrawn",
            "RulingRecorded", "DisputeOpened", "DisputeEvidenceAdded", "DisputeRespondentLinked", "DisputeAssigned",
            "DisputeEscalated", "DisputeRuled", "DisputeAppealed");

    @Test
    void everyRecordInAnEventPackageIsARegisteredEventOrANamedValueObject() throws Exception {
        List<Class<?>> records = publicRecordsInEventPackages();

        assertThat(records).as("the scan found the compiled event packages").contains(RegistrationSubmitted.class)
                .containsAll(VALUE_OBJECTS);
        for (Class<?> record : records) {
            if (VALUE_OBJECTS.contains(record)) {
                continue;
            }
            assertThat(LeadLedgerEvent.class.isAssignableFrom(record))
                    .as("%s looks like an event: implement its context's event interface, or name it in "
                            + "VALUE_OBJECTS if events only carry it", record.getName())
                    .isTrue();
            assertThat(EventTypes.all()).as("registered").contains(record.asSubclass(LeadLedgerEvent.class));
        }
    }

    @Test
    void theNamedValueObjectsAreRecordsOfEventPackagesAndNoEvents() {
        for (Class<? extends Record> valueObject : VALUE_OBJECTS) {
            assertThat(LeadLedgerEvent.class.isAssignableFrom(valueObject)).as(valueObject.getName()).isFalse();
            assertThat(NOT_EVENT_PACKAGES).doesNotContain(subpackageOf(valueObject.getName()));
        }
    }

    @Test
    void everyEventTypeIsARecordWithAUniqueNameThatResolvesToIt() {
        assertThat(EventTypes.all()).hasSizeGreaterThanOrEqualTo(PUBLISHED_NAMES.size())
                .allSatisfy(type -> {
                    assertThat(type.isRecord()).as(type.getName()).isTrue();
                    assertThat(EventTypes.nameOf(type)).isEqualTo(type.getSimpleName());
                    assertThat(EventTypes.classFor(EventTypes.nameOf(type))).contains(type);
                });
        assertThat(EventTypes.all().stream().map(EventTypes::nameOf)).doesNotHaveDuplicates();
    }

    @Test
    void everyNamePublishedSoFarStillResolvesToARecordOfThatName() {
        for (String name : PUBLISHED_NAMES) {
            assertThat(EventTypes.classFor(name)).as(name).hasValueSatisfying(type ->
                    assertThat(type.getSimpleName()).isEqualTo(name));
        }
        assertThat(EventTypes.classFor("SomethingFromTheFuture")).isEmpty();
    }

    private static List<Class<?>> publicRecordsInEventPackages() throws IOException, URISyntaxException {
        Path classes = Path.of(LeadLedgerEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path events = classes.resolve("com/leadledger/events");
        assertThat(events).as("compiled classes in a directory").isDirectory();
        try (Stream<Path> files = Files.walk(events)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .filter(name -> !name.contains("$") && !name.endsWith("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> !NOT_EVENT_PACKAGES.contains(subpackageOf(name)))
                    .map(EventRegistryTest::load)
                    .filter(type -> type.isRecord() && Modifier.isPublic(type.getModifiers()))
                    .toList();
        }
    }

    /** {@code registration} for {@code com.leadledger.events.registration.X}; empty for the root package. */
    private static String subpackageOf(String className) {
        String rest = className.substring("com.leadledger.events.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, EventRegistryTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
