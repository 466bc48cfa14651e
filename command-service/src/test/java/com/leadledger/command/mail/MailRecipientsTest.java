package com.leadledger.command.mail;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.kit.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailRecipientsTest {

    static final Mailbox A_RU = new Mailbox("sales@a.example", "ru");
    static final Mailbox A_EN = new Mailbox("ceo@a.example", "en");
    static final Mailbox B_EN = new Mailbox("deals@b.example", "en");

    final MailRecipients recipients = new MailRecipients(
            MailRecipients.staffMailboxes(Map.of(Role.CHANNEL_DIRECTOR, "director@v.example:ru, deputy@v.example",
                    Role.ARBITRATION_COMMITTEE, "")),
            partner -> switch (partner) {
                case "A" -> List.of(A_RU, A_EN);
                case "B" -> List.of(B_EN, new Mailbox("SALES@a.example", "en"));
                default -> List.of();
            });

    @Test
    void staffMailboxesComeFromTheConfigurationOfTheirRoleWithALanguageEach() {
        assertThat(recipients.staff(Role.CHANNEL_DIRECTOR)).containsExactly(
                new Mailbox("director@v.example", "ru"), new Mailbox("deputy@v.example", "en"));
        assertThat(recipients.staff(Role.ARBITRATION_COMMITTEE)).isEmpty();
        assertThat(recipients.staff(Role.CHANNEL_MANAGER)).isEmpty();
        assertThatThrownBy(() -> MailRecipients.staffMailboxes(Map.of(Role.CHANNEL_MANAGER, "cm@v.example:de")))
                .hasMessageContaining("leadledger.mail.staff.CHANNEL_MANAGER").hasMessageContaining("ru or en");
    }

    @Test
    void anEscalationIsMailedToTheStaffOfTheLevelItReached() {
        assertThat(MailRecipients.reviewerAt(2)).isEqualTo(Role.CHANNEL_DIRECTOR);
        assertThat(MailRecipients.reviewerAt(3)).isEqualTo(Role.ARBITRATION_COMMITTEE);
        assertThat(MailRecipients.deciderAt(1)).isEqualTo(Role.CHANNEL_MANAGER);
        assertThat(MailRecipients.deciderAt(2)).isEqualTo(Role.CHANNEL_DIRECTOR);
        assertThat(MailRecipients.deciderAt(3)).isEqualTo(Role.ARBITRATION_COMMITTEE);
    }

    @Test
    void aRulingGoesToBothPartiesEachAddressOnceAndToNobodyElse() {
        assertThat(recipients.rulingParties("B", "A")).containsExactly(B_EN, new Mailbox("SALES@a.example", "en"),
                A_EN);
        assertThat(recipients.rulingParties("B", null)).containsExactly(B_EN, new Mailbox("SALES@a.example", "en"));
        assertThat(recipients.rulingParties(null, "A")).containsExactly(A_RU, A_EN);
        assertThat(recipients.partner(null)).isEmpty();
        assertThat(recipients.partner("C")).isEmpty();
    }

    @Test
    void theExpiryReminderFallsTheGivenBusinessDaysBeforeTheEndSkippingHolidaysAndCountingTransferredSaturdays() {
        PolicyDocument.BusinessCalendar calendar = new PolicyDocument.BusinessCalendar("Europe/Moscow",
                List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 5),
                        LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 8)),
                List.of(LocalDate.of(2027, 1, 9)));
        // Tue 12 Jan 10:00 MSK; business days before: Mon 11, Sat 9 (transferred), Thu 31 Dec
        Instant end = Instant.parse("2027-01-12T07:00:00Z");

        assertThat(ExpiryReminders.remindAt(end, 1, calendar)).isEqualTo(Instant.parse("2027-01-11T07:00:00Z"));
        assertThat(ExpiryReminders.remindAt(end, 2, calendar)).isEqualTo(Instant.parse("2027-01-09T07:00:00Z"));
        assertThat(ExpiryReminders.remindAt(end, 3, calendar)).isEqualTo(Instant.parse("2026-12-31T07:00:00Z"));
    }
}
