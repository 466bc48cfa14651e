package com.leadledger.command.mail;

import com.leadledger.command.partner.PartnerContacts;
import com.leadledger.kit.domain.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Who receives which message: the staff mailboxes of a role (configured) and a partner's contacts (its record). */
@Component
class MailRecipients {

    private final Map<Role, List<Mailbox>> staff;
    private final Function<String, List<Mailbox>> partnerContacts;

    @Autowired
    MailRecipients(MailProperties properties, PartnerContacts contacts) {
        this(staffMailboxes(properties.staff()), partnerId -> contacts.of(partnerId).stream()
                .map(c -> new Mailbox(c.email(), c.language())).toList());
    }

    MailRecipients(Map<Role, List<Mailbox>> staff, Function<String, List<Mailbox>> partnerContacts) {
        this.staff = Map.copyOf(staff);
        this.partnerContacts = partnerContacts;
    }

    /** The configured mailboxes; an entry that is not {@code address:ru|en} stops the service at start. */
    static Map<Role, List<Mailbox>> staffMailboxes(Map<Role, String> configured) {
        Map<Role, List<Mailbox>> result = new EnumMap<>(Role.class);
        configured.forEach((role, entries) -> {
            try {
                result.put(role, List.copyOf(Mailbox.parseList(entries)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("leadledger.mail.staff." + role + ": " + e.getMessage(), e);
            }
        });
        return result;
    }

    /** The role a registration's review escalated to: level 2 the channel director, 3 the committee. */
    static Role reviewerAt(int level) {
        return level <= 1 ? Role.CHANNEL_MANAGER : level == 2 ? Role.CHANNEL_DIRECTOR : Role.ARBITRATION_COMMITTEE;
    }

    /** The decider of a dispute's level: 1 channel manager, 2 channel director, 3 arbitration committee. */
    static Role deciderAt(int level) {
        return reviewerAt(level);
    }

    List<Mailbox> staff(Role role) {
        return staff.getOrDefault(role, List.of());
    }

    /** A partner's contacts; none for no partner. */
    List<Mailbox> partner(String partnerId) {
        return partnerId == null ? List.of() : partnerContacts.apply(partnerId);
    }

    /**
     * Both parties of a ruling, each address once: the complainant's contacts and the respondent's (when staff linked
     * one). Every party receives the same text, which names neither party.
     */
    List<Mailbox> rulingParties(String complainantPartnerId, String respondentPartnerId) {
        Map<String, Mailbox> byAddress = new LinkedHashMap<>();
        List<Mailbox> all = new ArrayList<>(partner(complainantPartnerId));
        if (!Objects.equals(complainantPartnerId, respondentPartnerId)) {
            all.addAll(partner(respondentPartnerId));
        }
        all.forEach(mailbox -> byAddress.putIfAbsent(mailbox.email().toLowerCase(Locale.ROOT), mailbox));
        return List.copyOf(byAddress.values());
    }
}
