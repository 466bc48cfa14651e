package com.leadledger.command.webhook;

import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RejectionReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerNotificationsTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");
    private final PartnerNotifications notifications = new PartnerNotifications(disputeId -> Set.of("P-A"));

    @Test
    void anApprovalGoesToItsOwnerOnly() {
        var approved = new RegistrationApproved("O-1", "R-1", "P-A", new BigDecimal("10"), 90, AT.plusSeconds(60),
                "ok", null, AT, 1);

        assertThat(notifications.of(approved)).singleElement().satisfies(n -> {
            assertThat(n.partnerId()).isEqualTo("P-A");
            assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_APPROVED);
            assertThat(n.data()).containsEntry("registrationId", "R-1").containsEntry("status", "APPROVED")
                    .containsEntry("protectedUntil", AT.plusSeconds(60)).doesNotContainKey("opportunityId");
        });
    }

    @Test
    void supportMovingTellsEachSideAboutItsOwnRegistrationOnlyNeverTheOtherPartner() {
        var moved = new SupportMoved("O-1", "R-A", "P-A", "R-B", "P-B", SupportReason.ARBITRATION_RULING, "D-1",
                null, "moved", AT, 1);

        List<PartnerNotifications.Notification> told = notifications.of(moved);

        assertThat(told).extracting(PartnerNotifications.Notification::partnerId).containsExactly("P-A", "P-B");
        assertThat(told.get(0).data()).containsEntry("registrationId", "R-A").containsEntry("supported", false)
                .doesNotContainValue("P-B").doesNotContainValue("R-B");
        assertThat(told.get(1).data()).containsEntry("registrationId", "R-B").containsEntry("supported", true)
                .doesNotContainValue("P-A").doesNotContainValue("R-A");
    }

    @Test
    void aRulingGoesToBothPartiesWithoutTheRationaleOrTheRespondent() {
        var ruled = new DisputeRuled("D-1", "O-1", 1, DisputeOutcome.UPHELD, "internal reasoning", null, true, 2,
                "P-B", "R-B", "O-1", false, null, AT.plusSeconds(3600), "manager-1", "CHANNEL_MANAGER", AT, 1,
                "Upheld for the parties");

        List<PartnerNotifications.Notification> told = notifications.of(ruled);

        assertThat(told).extracting(PartnerNotifications.Notification::partnerId).containsExactly("P-A", "P-B");
        assertThat(told).allSatisfy(n -> {
            assertThat(n.type()).isEqualTo(WebhookEventType.DISPUTE_RULED);
            assertThat(n.data()).containsEntry("outcome", "UPHELD")
                    .containsEntry("partyStatement", "Upheld for the parties")
                    .doesNotContainValue("internal reasoning").doesNotContainValue("P-B")
                    .doesNotContainValue("R-B").doesNotContainValue("manager-1");
        });
    }

    @Test
    void aRejectionGoesToItsOwnerWithTheEarlierInstantButNeverWhose() {
        var rejected = new RegistrationRejected("O-1", "R-1", "P-A", RejectionReason.ALREADY_REGISTERED, "earlier deal",
                AT.minusSeconds(3600), AT, 1);

        assertThat(notifications.of(rejected)).singleElement().satisfies(n -> {
            assertThat(n.partnerId()).isEqualTo("P-A");
            assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_REJECTED);
            assertThat(n.data()).containsEntry("registrationId", "R-1").containsEntry("status", "REJECTED")
                    .containsEntry("reasonCode", "ALREADY_REGISTERED")
                    .containsEntry("earlierRegisteredAt", AT.minusSeconds(3600)).containsEntry("rejectedAt", AT)
                    .doesNotContainKey("opportunityId");
        });
    }

    @Test
    void anExpiryARevocationAndARestorationGoToTheRegistrationsOwner() {
        assertThat(notifications.of(new RegistrationExpired("O-1", "R-1", "P-A", AT))).singleElement()
                .satisfies(n -> {
                    assertThat(n.partnerId()).isEqualTo("P-A");
                    assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_EXPIRED);
                    assertThat(n.data()).containsEntry("status", "EXPIRED").containsEntry("expiredAt", AT);
                });
        assertThat(notifications.of(new RegistrationRevoked("O-1", "R-1", "P-A", "D-1", AT.plusSeconds(60), true,
                AT))).singleElement().satisfies(n -> {
                    assertThat(n.partnerId()).isEqualTo("P-A");
                    assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_REVOKED);
                    assertThat(n.data()).containsEntry("status", "REVOKED").containsEntry("disputeId", "D-1")
                            .containsEntry("revokedAt", AT);
                });
        assertThat(notifications.of(new RegistrationRevocationReversed("O-1", "R-1", "P-A", "D-1",
                RegistrationStatus.APPROVED, AT.plusSeconds(60), AT))).singleElement().satisfies(n -> {
                    assertThat(n.partnerId()).isEqualTo("P-A");
                    assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_RESTORED);
                    assertThat(n.data()).containsEntry("status", "APPROVED")
                            .containsEntry("protectedUntil", AT.plusSeconds(60)).containsEntry("restoredAt", AT);
                });
    }

    @Test
    void anExtensionDecisionGrantedOrRefusedGoesToTheRequester() {
        assertThat(notifications.of(new ExtensionGranted("O-1", "R-1", "X-1", "P-A", 30, AT.plusSeconds(60), "ok",
                AT, 1))).singleElement().satisfies(n -> {
                    assertThat(n.partnerId()).isEqualTo("P-A");
                    assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_EXTENSION_DECIDED);
                    assertThat(n.data()).containsEntry("extensionRequestId", "X-1").containsEntry("decision", "GRANTED")
                            .containsEntry("days", 30).containsEntry("protectedUntil", AT.plusSeconds(60));
                });
        assertThat(notifications.of(new ExtensionRefused("O-1", "R-1", "X-1", "P-A", "no", AT, 1)))
                .singleElement().satisfies(n -> {
                    assertThat(n.type()).isEqualTo(WebhookEventType.REGISTRATION_EXTENSION_DECIDED);
                    assertThat(n.data()).containsEntry("decision", "REFUSED").containsEntry("decidedAt", AT)
                            .doesNotContainKey("protectedUntil");
                });
    }

    @Test
    void disputeChangesGoToThePartiesAndTheComplainantNeverLearnsTheRespondent() {
        var opened = new DisputeOpened("D-1", DisputeType.DUPLICATE_CLAIM, "O-1", "R-A", "P-A", "PARTNER", "first",
                null, 1, AT.plusSeconds(3600), AT, 1);
        assertThat(notifications.of(opened)).singleElement().satisfies(n -> {
            assertThat(n.partnerId()).isEqualTo("P-A");
            assertThat(n.type()).isEqualTo(WebhookEventType.DISPUTE_UPDATED);
            assertThat(n.data()).containsEntry("change", "OPENED").containsEntry("level", 1);
        });

        var linked = new DisputeRespondentLinked("D-1", "P-B", "R-B", "O-1", AT);
        assertThat(notifications.of(linked)).singleElement().satisfies(n -> {
            assertThat(n.partnerId()).as("only the respondent hears it is named").isEqualTo("P-B");
            assertThat(n.data()).containsEntry("change", "RESPONDENT_LINKED").doesNotContainValue("P-A")
                    .doesNotContainValue("R-A");
        });

        var escalated = new DisputeEscalated("D-1", 1, 2, "SLA", true, AT.plusSeconds(7200), AT, 1, null);
        assertThat(notifications.of(escalated)).singleElement().satisfies(n -> {
            assertThat(n.partnerId()).isEqualTo("P-A");
            assertThat(n.data()).containsEntry("change", "ESCALATED").containsEntry("level", 2);
        });
        var appealed = new DisputeAppealed("D-1", "P-A", "we disagree", 2, 3, AT.plusSeconds(7200), AT, 1);
        assertThat(notifications.of(appealed)).singleElement().satisfies(n -> {
            assertThat(n.partnerId()).isEqualTo("P-A");
            assertThat(n.data()).containsEntry("change", "APPEALED").containsEntry("level", 3)
                    .doesNotContainValue("we disagree");
        });
    }

    @Test
    void eventsPartnersAreNotToldAboutGoNowhere() {
        assertThat(notifications.of(new RegistrationSubmitted("O-1", "R-1", "P-A", 1, null, null,
                "NETWORK_SECURITY", null, null, null, AT, 1))).isEmpty();
    }
}
