package com.leadledger.command.partner;

import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A contact list is at most {@value #MAX_CONTACTS} distinct, plain e-mail addresses (RFC 822 as Jakarta Mail parses
 * it strictly, no display names), each with the language {@code ru} or {@code en}.
 */
final class ChangePartnerContactsRules {

    static final int MAX_CONTACTS = 20;
    static final Set<String> LANGUAGES = Set.of("ru", "en");

    private ChangePartnerContactsRules() {
    }

    /** The contacts with surrounding blanks removed and the language in lower case. */
    static List<ChangePartnerContacts.Contact> normalized(List<ChangePartnerContacts.Contact> contacts) {
        return contacts.stream().map(c -> new ChangePartnerContacts.Contact(
                c == null || c.email() == null ? null : c.email().strip(),
                c == null || c.language() == null ? null : c.language().strip().toLowerCase(Locale.ROOT))).toList();
    }

    /** The normalized contacts, or a refusal naming every failing field. */
    static List<ChangePartnerContacts.Contact> validated(List<ChangePartnerContacts.Contact> requested) {
        if (requested == null) {
            throw RuleViolation.invalidField("contacts", "is required (an empty list removes every contact)");
        }
        List<ChangePartnerContacts.Contact> contacts = normalized(requested);
        List<FieldProblem> problems = new ArrayList<>();
        if (contacts.size() > MAX_CONTACTS) {
            problems.add(new FieldProblem("contacts", "must list at most " + MAX_CONTACTS + " contacts",
                    "CONTACTS_TOO_MANY"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < contacts.size(); i++) {
            ChangePartnerContacts.Contact contact = contacts.get(i);
            String path = "contacts[" + i + "]";
            if (!isPlainAddress(contact.email())) {
                problems.add(new FieldProblem(path + ".email", "must be an e-mail address such as sales@partner.example",
                        "CONTACT_EMAIL_INVALID"));
            } else if (!seen.add(contact.email().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(path + ".email", "is listed more than once", "CONTACT_EMAIL_REPEATED"));
            }
            if (contact.language() == null || !LANGUAGES.contains(contact.language())) {
                problems.add(new FieldProblem(path + ".language", "must be ru or en", "CONTACT_LANGUAGE_UNSUPPORTED"));
            }
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.invalidFields("The contact list is invalid; nothing was changed.", problems);
        }
        return contacts;
    }

    private static boolean isPlainAddress(String email) {
        if (email == null || email.isEmpty() || email.length() > 254) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return email.equals(address.getAddress()) && email.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }
}
