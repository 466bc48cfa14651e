package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Command-side view of the partners, written in the same transaction as their events; the {@link PartnerDirectory}. */
@Component
@ProcessingGroup("command-views")
class PartnerRegistry implements PartnerDirectory {

    private final JdbcClient jdbc;

    PartnerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RegisteredPartner> find(String partnerId) {
        return jdbc.sql("SELECT * FROM partner_registry WHERE partner_id = :id")
                .param("id", partnerId)
                .query((rs, n) -> new RegisteredPartner(rs.getString("partner_id"), rs.getString("name"),
                        PartnerTier.valueOf(rs.getString("tier")),
                        Arrays.asList((String[]) rs.getArray("product_lines").getArray()),
                        rs.getBoolean("suspended")))
                .optional();
    }

    /** The ids of the partners not suspended, in id order. */
    List<String> activePartnerIds() {
        return jdbc.sql("SELECT partner_id FROM partner_registry WHERE NOT suspended ORDER BY partner_id")
                .query(String.class).list();
    }

    @EventHandler
    void on(PartnerOnboarded event) {
        jdbc.sql("""
                        INSERT INTO partner_registry (partner_id, name, tier, product_lines, suspended)
                        VALUES (:id, :name, :tier, :lines, FALSE) ON CONFLICT (partner_id) DO NOTHING""")
                .param("id", event.partnerId())
                .param("name", event.name())
                .param("tier", event.tier().name())
                .param("lines", event.productLines().toArray(String[]::new))
                .update();
    }

    @EventHandler
    void on(PartnerTierChanged event) {
        update("tier = :value", event.partnerId(), event.tier().name());
    }

    @EventHandler
    void on(PartnerProductLinesChanged event) {
        update("product_lines = :value", event.partnerId(), event.productLines().toArray(String[]::new));
    }

    @EventHandler
    void on(PartnerSuspended event) {
        update("suspended = :value", event.partnerId(), true);
    }

    @EventHandler
    void on(PartnerReinstated event) {
        update("suspended = :value", event.partnerId(), false);
    }

    private void update(String assignment, String partnerId, Object value) {
        jdbc.sql("UPDATE partner_registry SET " + assignment + " WHERE partner_id = :id")
                .param("id", partnerId)
                .param("value", value)
                .update();
    }
}
