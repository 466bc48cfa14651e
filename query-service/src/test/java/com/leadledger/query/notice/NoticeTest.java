package com.leadledger.query.notice;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.UndecodableRecordException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTest {

    static final Instant T = Instant.parse("2030-06-01T08:30:00Z");
    static final Instant EARLIER = Instant.parse("2030-05-30T07:15:42.123Z");

    @Test
    void theLaterPartnerLearnsOnlyThatAndWhenAnEarlierRegistrationWasFiled() {
        var event = new EarlierRegistrationNoticeIssued("opp-1", "reg-later", "P-later", EARLIER, T);
        EventRef ref = Fixtures.ref(event, T.plusSeconds(1));

        Notice notice = single(Notice.PROJECTOR.added(event, ref));

        assertThat(notice.noticeId()).isEqualTo(ref.eventId());
        assertThat(notice.eventId()).isEqualTo(ref.eventId());
        assertThat(notice.partnerId()).isEqualTo("P-later");
        assertThat(notice.registrationId()).isEqualTo("reg-later");
        assertThat(notice.opportunityId()).isEqualTo("opp-1");
        assertThat(notice.kind()).isEqualTo(NoticeKind.EARLIER_REGISTRATION_EXISTS);
        assertThat(notice.message()).isEqualTo("An earlier registration by another partner exists for this "
                + "opportunity (registered at 2030-05-30T07:15:42.123Z).");
        assertThat(notice.occurredAt()).isEqualTo(T);
    }

    @Test
    void aRejectionNamesItsReasonAndAddsTheAnonymousSentenceOnlyWhenAnEarlierRegistrationWasTheReason() {
        var already = new RegistrationRejected("opp-1", "reg-2", "P-2", RejectionReason.ALREADY_REGISTERED,
                "Partner P-1 was first", EARLIER, T, 1);
        var ineligible = new RegistrationRejected("opp-1", "reg-3", "P-3", RejectionReason.INELIGIBLE, null, null,
                T, 1);

        Notice first = single(Notice.PROJECTOR.added(already, Fixtures.ref(already, T)));
        Notice second = single(Notice.PROJECTOR.added(ineligible, Fixtures.ref(ineligible, T)));

        assertThat(first.kind()).isEqualTo(NoticeKind.REGISTRATION_REJECTED);
        assertThat(first.partnerId()).isEqualTo("P-2");
        assertThat(first.message()).isEqualTo("Your registration was rejected (reason: ALREADY_REGISTERED). An "
                + "earlier registration by another partner exists for this opportunity (registered at "
                + "2030-05-30T07:15:42.123Z).");
        assertThat(first.message()).as("staff's free text is not copied").doesNotContain("P-1");
        assertThat(second.message()).isEqualTo("Your registration was rejected (reason: INELIGIBLE).");
    }

    @Test
    void theOwnerIsToldAboutApprovalExpiryAndExtensionDecisions() {
        Instant until = Instant.parse("2030-08-30T08:30:00Z");
        var approved = new RegistrationApproved("opp-1", "reg-1", "P-1", new BigDecimal("15.00"), 90, until, "note",
                null, T, 1);
        var expired = new RegistrationExpired("opp-1", "reg-1", "P-1", until);
        var granted = new ExtensionGranted("opp-1", "reg-1", "ext-1", "P-1", 30,
                Instant.parse("2030-09-29T08:30:00Z"), null, T, 1);
        var refused = new ExtensionRefused("opp-1", "reg-1", "ext-2", "P-1", "no", T, 1);

        Notice a = single(Notice.PROJECTOR.added(approved, Fixtures.ref(approved, T)));
        Notice e = single(Notice.PROJECTOR.added(expired, Fixtures.ref(expired, until.plusSeconds(1))));
        Notice g = single(Notice.PROJECTOR.added(granted, Fixtures.ref(granted, T)));
        Notice r = single(Notice.PROJECTOR.added(refused, Fixtures.ref(refused, T)));

        assertThat(a.kind()).isEqualTo(NoticeKind.REGISTRATION_APPROVED);
        assertThat(a.message()).isEqualTo("Your registration was approved: it is protected until "
                + "2030-08-30T08:30:00Z, with a deal discount of 15%.");
        assertThat(e.kind()).isEqualTo(NoticeKind.PROTECTION_EXPIRED);
        assertThat(e.message()).isEqualTo("The protection of your registration ended at 2030-08-30T08:30:00Z.");
        assertThat(e.occurredAt()).isEqualTo(until);
        assertThat(g.kind()).isEqualTo(NoticeKind.EXTENSION_GRANTED);
        assertThat(g.message()).isEqualTo("Your extension request was granted: protection is extended by 30 days, "
                + "until 2030-09-29T08:30:00Z.");
        assertThat(r.kind()).isEqualTo(NoticeKind.EXTENSION_REFUSED);
        assertThat(List.of(a, e, g, r)).extracting(Notice::partnerId).containsOnly("P-1");
        assertThat(List.of(a, e, g, r)).extracting(Notice::registrationId).containsOnly("reg-1");
    }

    @Test
    void aSupportMoveTellsTheLosingSideWhyAndThatItMayDisputeAndTheGainingSideThatItIsSupported() {
        var move = new SupportMoved("opp-1", "reg-1", "P-1", "reg-2", "P-2",
                SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, "ab".repeat(32), "the customer wrote to us", T, 1);
        EventRef ref = Fixtures.ref(move, T);

        List<Notice> notices = Notice.PROJECTOR.added(move, ref);

        assertThat(notices).hasSize(2);
        Notice lost = notices.get(0);
        Notice gained = notices.get(1);
        assertThat(lost.noticeId()).isEqualTo(ref.eventId() + ":from");
        assertThat(lost.partnerId()).isEqualTo("P-1");
        assertThat(lost.registrationId()).isEqualTo("reg-1");
        assertThat(lost.kind()).isEqualTo(NoticeKind.SUPPORT_MOVED_AWAY);
        assertThat(lost.message()).isEqualTo("Vendor support for your registration was moved to another registration "
                + "(reason: CUSTOMER_WRITTEN_PREFERENCE). You may open a SUPPORT_OVERRIDE dispute.");
        assertThat(lost.message()).doesNotContain("P-2").doesNotContain("reg-2");
        assertThat(gained.noticeId()).isEqualTo(ref.eventId() + ":to");
        assertThat(gained.partnerId()).isEqualTo("P-2");
        assertThat(gained.registrationId()).isEqualTo("reg-2");
        assertThat(gained.kind()).isEqualTo(NoticeKind.SUPPORT_GRANTED);
        assertThat(gained.message()).doesNotContain("P-1").doesNotContain("reg-1");
    }

    @Test
    void grantingAndWithdrawingSupportTellTheOwner() {
        var grant = new SupportGranted("opp-1", "reg-1", "P-1", null, T, 1);
        var withdrawal = new SupportWithdrawn("opp-1", "reg-1", "P-1", SupportReason.PARTNER_WITHDREW, null, null,
                null, T, 1);
        var unexplained = new SupportWithdrawn("opp-1", "reg-1", "P-1", null, null, null, null, T, 1);

        assertThat(single(Notice.PROJECTOR.added(grant, Fixtures.ref(grant, T))).kind())
                .isEqualTo(NoticeKind.SUPPORT_GRANTED);
        Notice withdrawn = single(Notice.PROJECTOR.added(withdrawal, Fixtures.ref(withdrawal, T)));
        assertThat(withdrawn.kind()).isEqualTo(NoticeKind.SUPPORT_WITHDRAWN);
        assertThat(withdrawn.partnerId()).isEqualTo("P-1");
        assertThat(withdrawn.message()).isEqualTo("Vendor support for your registration was withdrawn (reason: "
                + "PARTNER_WITHDREW).");
        assertThat(single(Notice.PROJECTOR.added(unexplained, Fixtures.ref(unexplained, T))).message())
                .isEqualTo("Vendor support for your registration was withdrawn.");
    }

    @Test
    void staffOnlyEventsAndThePartnersOwnActionsYieldNoNotice() {
        List<LeadLedgerEvent> silent = List.of(
                new RegistrationBecameReviewable("opp-1", "reg-2", "P-2", T, T, 1),
                new ReviewSlaStarted("opp-1", "reg-2", 1, T, T, 1),
                new ReviewEscalated("opp-1", "reg-2", 2, T, T, 1),
                new ExtensionRequested("opp-1", "reg-1", "ext-1", "P-1", "why", 30, T),
                new RegistrationWithdrawn("opp-1", "reg-1", "P-1", null, T),
                Fixtures.submitted("opp-1", "P-1", 1, T));

        for (LeadLedgerEvent event : silent) {
            assertThat(Notice.PROJECTOR.added(event, Fixtures.ref(event, T))).as(event.toString()).isEmpty();
        }
    }

    @Test
    void aNoticeWithoutItsRecipientCannotBeWritten() {
        var anonymous = new EarlierRegistrationNoticeIssued("opp-1", "reg-1", null, EARLIER, T);

        assertThatThrownBy(() -> Notice.PROJECTOR.added(anonymous, Fixtures.ref(anonymous, T)))
                .isInstanceOf(UndecodableRecordException.class);
    }

    static Notice single(List<Notice> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }
}
