package com.leadledger.query.dispute;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.common.Money;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeAssigned;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeEvidenceAdded;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.events.dispute.RulingEffects;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeViewTest {

    static final Instant T = Instant.parse("2030-03-02T09:00:00Z");
    static final String A = "P-A";
    static final String B = "P-B";
    static final DisputeAmounts AMOUNTS = new DisputeAmounts(new Money(new BigDecimal("950000.00"), "RUB"),
            new Money(new BigDecimal("820000.00"), "RUB"), new BigDecimal("5"));

    final List<Projector.Step> history = new ArrayList<>();
    long sequence;

    @Test
    void aDumpingComplaintFollowsTheLadderToAnUpheldRulingWithItsEffects() {
        DisputeView view = dumpingStory();

        assertThat(view.status()).isEqualTo(DisputeView.Status.CLOSED);
        assertThat(view.level()).isEqualTo(2);
        assertThat(view.slaDueAt()).isNull();
        assertThat(view.assignee()).isNull();
        assertThat(view.respondent().partnerId()).isEqualTo(B);
        assertThat(view.respondent().registrationId()).isEqualTo("R-B");
        assertThat(view.amounts()).isEqualTo(AMOUNTS);
        assertThat(view.evidence()).extracting(DisputeView.Evidence::submittedByPartnerId).containsExactly(A, B);
        assertThat(view.rulings()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DisputeOutcome.UPHELD);
            assertThat(r.level()).isEqualTo(2);
            assertThat(r.penaltyPoints()).isEqualTo(10);
            assertThat(r.revokeRespondentProtection()).isTrue();
            assertThat(r.decidedByRole()).isEqualTo("CHANNEL_DIRECTOR");
        });
        assertThat(view.appealableUntil()).isEqualTo(T.plusSeconds(864_000));
        assertThat(view.timeline()).extracting(DisputeView.TimelineEntry::kind).containsExactly("OPENED",
                "EVIDENCE_ADDED", "RESPONDENT_LINKED", "EVIDENCE_ADDED", "ASSIGNED", "ESCALATED", "RULED",
                "PROTECTION_REVOKED", "PENALTY_APPLIED");
        assertThat(view.timeline().get(5).summary()).contains("automatically", "level 1", "level 2");
        assertThat(view.openedGlobalIndex()).isEqualTo(history.get(0).ref().globalIndex());
        assertThat(view.openedBy()).isEqualTo("user-of-" + A);
    }

    @Test
    void theComplainantNeverSeesTheRespondentItsEvidenceOrTheEffectsOnIt() {
        DisputeView view = dumpingStory();

        PartnerDisputeResponse complainant = PartnerDisputeResponse.of(view, A, Set.of());

        assertThat(complainant.role()).isEqualTo("COMPLAINANT");
        assertThat(complainant.respondentLinked()).isTrue();
        assertThat(complainant.evidence()).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("our quote"));
        assertThat(complainant.timeline()).extracting(PartnerDisputeResponse.TimelineEntry::kind)
                .containsExactly("OPENED", "EVIDENCE_ADDED", "RESPONDENT_LINKED", "ASSIGNED", "ESCALATED", "RULED");
        assertThat(complainant.rulings()).singleElement().satisfies(r -> {
            assertThat(r.penaltyPoints()).isEqualTo(10);
            assertThat(r.respondentProtectionRevoked()).isTrue();
            assertThat(r.rightfulRegistrationId()).isNull();
        });
        assertThat(Fixtures.CODEC.toTree(complainant).toString()).doesNotContain(B, "R-B", "their price list",
                "director-1", "manager-1");
    }

    @Test
    void theRespondentSeesWhatConcernsItButNotTheComplainantOrItsComplaint() {
        DisputeView view = dumpingStory();

        PartnerDisputeResponse respondent = PartnerDisputeResponse.of(view, B, Set.of());

        assertThat(respondent.role()).isEqualTo("RESPONDENT");
        assertThat(respondent.registrationId()).isEqualTo("R-B");
        assertThat(respondent.opportunityId()).isNull();
        assertThat(respondent.description()).isNull();
        assertThat(respondent.amounts()).isNull();
        assertThat(respondent.timeline()).extracting(PartnerDisputeResponse.TimelineEntry::kind)
                .containsExactly("OPENED", "RESPONDENT_LINKED", "EVIDENCE_ADDED", "ASSIGNED", "ESCALATED", "RULED",
                        "PROTECTION_REVOKED", "PENALTY_APPLIED");
        assertThat(Fixtures.CODEC.toTree(respondent).toString()).doesNotContain(A, "R-A", "O-1", "our quote",
                "18 % below list");
        assertThat(PartnerDisputeResponse.of(view, "P-C", Set.of())).isNull();
    }

    /** Security point 9: staff's internal rationale never reaches a party; the statement written for them does. */
    @Test
    void partiesSeeTheStatementWrittenForThemAndNeverTheInternalRationale() throws Exception {
        DisputeView opened = apply(null, new DisputeOpened(ID, DisputeType.PRICE_DUMPING, "O-1", "R-A", A, "PARTNER",
                "B undercut us", AMOUNTS, 1, T.plusSeconds(3600), T, 1), "user-of-" + A, "PARTNER", A);
        DisputeView view = apply(opened, new DisputeRuled(ID, "O-1", 1, DisputeOutcome.DISMISSED,
                "internal: B's manager is a friend of ours, keep it quiet", null, false, 0, null, null, null, false,
                null, T.plusSeconds(864_000), "manager-1", "CHANNEL_MANAGER", T, 1,
                "The evidence does not show a price below the entitled discount."), "manager-1", "CHANNEL_MANAGER",
                null);

        String asComplainant = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .writeValueAsString(PartnerDisputeResponse.of(view, A, Set.of()));
        assertThat(asComplainant).contains("The evidence does not show a price below the entitled discount.")
                .doesNotContain("internal").doesNotContain("friend of ours");
        assertThat(view.rulings().get(0).rationale()).as("staff keep the rationale").startsWith("internal:");
    }

    @Test
    void anAppealReopensOneLevelUpAndAReversingDecisionIsANewRuling() {
        DisputeView ruled = dumpingStory();

        DisputeView appealed = apply(ruled, new DisputeAppealed(ID, B, "we had a special price", 2, 3,
                T.plusSeconds(7200), T.plusSeconds(3600), 1), "user-of-" + B, "PARTNER", B);
        DisputeView decided = apply(appealed, new DisputeRuled(ID, "O-1", 3, DisputeOutcome.DISMISSED,
                "special price was granted", null, false, 0, B, "R-B", "O-2", true,
                new RulingEffects(null, true, 10), null, "committee-1", "ARBITRATION_COMMITTEE",
                T.plusSeconds(5400), 1, null), "committee-1", "ARBITRATION_COMMITTEE", null);

        assertThat(appealed.status()).isEqualTo(DisputeView.Status.OPEN);
        assertThat(appealed.level()).isEqualTo(3);
        assertThat(appealed.appealed()).isTrue();
        assertThat(appealed.appealableUntil()).isNull();
        assertThat(decided.status()).isEqualTo(DisputeView.Status.CLOSED);
        assertThat(decided.rulings()).extracting(DisputeView.Ruling::outcome)
                .containsExactly(DisputeOutcome.UPHELD, DisputeOutcome.DISMISSED);
        assertThat(decided.appealableUntil()).isNull();
        assertThat(PartnerDisputeResponse.of(decided, B, Set.of()).timeline())
                .filteredOn(e -> e.kind().equals("APPEALED")).singleElement()
                .satisfies(e -> assertThat(e.note()).isEqualTo("we had a special price"));
        assertThat(PartnerDisputeResponse.of(decided, A, Set.of()).timeline())
                .filteredOn(e -> e.kind().equals("APPEALED")).singleElement()
                .satisfies(e -> assertThat(e.note()).isNull());
    }

    @Test
    void supportMovesCitingTheRulingJoinItsTimelineAndOtherMovesAreIgnored() {
        DisputeView view = dumpingStory();
        SupportMoved cited = new SupportMoved("O-1", "R-B", B, "R-A", A, SupportReason.ARBITRATION_RULING, ID, null,
                null, T, 1);
        SupportMoved unrelated = new SupportMoved("O-1", "R-B", B, "R-A", A, SupportReason.CUSTOMER_WRITTEN_PREFERENCE,
                null, "ab".repeat(32), null, T, 1);

        assertThat(DisputeView.PROJECTOR.viewIdsOf(cited)).containsExactly(ID);
        assertThat(DisputeView.PROJECTOR.viewIdsOf(unrelated)).isEmpty();
        DisputeView moved = apply(view, cited, "manager-1", "CHANNEL_MANAGER", null);
        assertThat(moved.timeline().get(moved.timeline().size() - 1).kind()).isEqualTo("SUPPORT_MOVED");
        assertThat(moved.timeline().get(moved.timeline().size() - 1).audience())
                .isEqualTo(DisputeView.Audience.STAFF);
    }

    @Test
    void theStoredDocumentReadsBackEqual() throws Exception {
        DisputeView view = dumpingStory();

        String json = Fixtures.CODEC.mapper().writeValueAsString(view);

        assertThat(Fixtures.CODEC.mapper().readValue(json, DisputeView.class)).isEqualTo(view);
    }

    @Test
    void theLiveTransitionsAndAFoldOfTheHistoryAgree() {
        DisputeView live = dumpingStory();

        assertThat(DisputeView.PROJECTOR.fold(ID, history)).isEqualTo(live);
    }

    @Test
    void theTimelineFollowsTheStoredOrderWhateverOrderARulingAndItsRecordingArriveIn() {
        DisputeView opened = apply(null, new DisputeOpened(ID, DisputeType.SUPPORT_OVERRIDE, "O-1", "R-A", A,
                "PARTNER", "support moved away", null, 1, T.plusSeconds(3600), T, 1), "user-of-" + A, "PARTNER", A);
        var ruled = new DisputeRuled(ID, "O-1", 1, DisputeOutcome.UPHELD, "A was first", "R-A", false, 0, null, null,
                null, false, null, T.plusSeconds(864_000), "manager-1", "CHANNEL_MANAGER", T, 1, null);
        var recorded = new RulingRecorded("O-1", ID, "R-A", T);
        // stored in this order on the command side, but on two partitions (dispute stream, opportunity stream)
        EventRef ruledRef = storedAt(ruled, 10, ID);
        EventRef recordedRef = storedAt(recorded, 11, "O-1");

        DisputeView inOrder = DisputeView.PROJECTOR.apply(DisputeView.PROJECTOR.apply(opened, ruled, ruledRef),
                recorded, recordedRef);
        DisputeView reversed = DisputeView.PROJECTOR.apply(DisputeView.PROJECTOR.apply(opened, recorded, recordedRef),
                ruled, ruledRef);

        assertThat(inOrder.timeline()).extracting(DisputeView.TimelineEntry::kind)
                .containsExactly("OPENED", "RULED", "RULING_RECORDED");
        assertThat(reversed.timeline()).isEqualTo(inOrder.timeline());
        assertThat(DisputeView.PROJECTOR.fold(ID, List.of(history.get(0), new Projector.Step(ruled, ruledRef),
                new Projector.Step(recorded, recordedRef))).timeline()).isEqualTo(inOrder.timeline());
    }

    private static EventRef storedAt(LeadLedgerEvent event, long globalIndex, String aggregateId) {
        return new EventRef("ev-" + globalIndex, event.getClass().getSimpleName(), aggregateId, 0, globalIndex, T,
                Fixtures.metadata("manager-1", "CHANNEL_MANAGER", null));
    }

    static final String ID = "D-1";

    private DisputeView dumpingStory() {
        DisputeView view = apply(null, new DisputeOpened(ID, DisputeType.PRICE_DUMPING, "O-1", "R-A", A, "PARTNER",
                "B quoted 18 % below list while entitled to 5 %", AMOUNTS, 1, T.plusSeconds(3600), T, 1),
                "user-of-" + A, "PARTNER", A);
        view = apply(view, new DisputeEvidenceAdded(ID, "E-1", "user-of-" + A, A, "our quote", AMOUNTS,
                List.of(new EvidenceDocument("quote.pdf", "ab".repeat(32), null)), T), "user-of-" + A, "PARTNER", A);
        view = apply(view, new DisputeRespondentLinked(ID, B, "R-B", "O-2", T), "manager-1", "CHANNEL_MANAGER", null);
        view = apply(view, new DisputeEvidenceAdded(ID, "E-2", "user-of-" + B, B, "their price list", null,
                List.of(), T), "user-of-" + B, "PARTNER", B);
        view = apply(view, new DisputeAssigned(ID, "manager-1", 1, "manager-1", T), "manager-1", "CHANNEL_MANAGER",
                null);
        view = apply(view, new DisputeEscalated(ID, 1, 2, null, true, T.plusSeconds(7200), T.plusSeconds(3600), 1, null),
                "system", "SYSTEM", null);
        view = apply(view, new DisputeRuled(ID, "O-1", 2, DisputeOutcome.UPHELD, "B dumped", null, true, 10, B,
                "R-B", "O-2", false, null, T.plusSeconds(864_000), "director-1", "CHANNEL_DIRECTOR", T, 1, null),
                "director-1", "CHANNEL_DIRECTOR", null);
        view = apply(view, new RegistrationRevoked("O-2", "R-B", B, ID, T.plusSeconds(99_000), false, T), "system",
                "SYSTEM", null);
        return apply(view, new PartnerPenalized(B, ID, 10, 10, T), "system", "SYSTEM", null);
    }

    private DisputeView apply(DisputeView view, LeadLedgerEvent event, String actor, String role, String partnerId) {
        Map<String, String> metadata = Fixtures.metadata(actor, role, partnerId);
        EventRef ref = Fixtures.ref(event, T);
        ref = new EventRef(ref.eventId(), ref.eventType(), ID, sequence++, ref.globalIndex() + sequence, T, metadata);
        history.add(new Projector.Step(event, ref));
        return DisputeView.PROJECTOR.apply(view, event, ref);
    }
}
