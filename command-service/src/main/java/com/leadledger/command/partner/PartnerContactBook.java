package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerContactsChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Command-side view of the partners' e-mail contacts, written in the same transaction as their events. */
@Component
@ProcessingGroup("command-views")
class PartnerContactBook implements PartnerContacts {

    private final JdbcClient jdbc;

    PartnerContactBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChangePartnerContacts.Contact> of(String partnerId) {
        return jdbc.sql("SELECT email, language FROM partner_contact WHERE partner_id = :id ORDER BY position")
                .param("id", partnerId)
                .query((rs, n) -> new ChangePartnerContacts.Contact(rs.getString("email"), rs.getString("language")))
                .list();
    }

    @EventHandler
    void on(PartnerContactsChanged event) {
        jdbc.sql("DELETE FROM partner_contact WHERE partner_id = :id").param("id", event.partnerId()).update();
        int position = 0;
        for (PartnerContactsChanged.Contact contact : event.contacts()) {
            jdbc.sql("""
                            INSERT INTO partner_contact (partner_id, position, email, language)
                            VALUES (:id, :position, :email, :language)""")
                    .param("id", event.partnerId())
                    .param("position", position++)
                    .param("email", contact.email())
                    .param("language", contact.language())
                    .update();
        }
    }
}
