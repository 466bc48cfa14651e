package com.leadledger.command.webhook;

import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
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
    void eventsPartnersAreNotToldAboutGoNowhere() {
        assertThat(notifications.of(new RegistrationSubmitted("O-1", "R-1", "P-A", 1, null, null,
                "NETWORK_SECURITY", null, null, null, AT, 1))).isEmpty();
    }
}
