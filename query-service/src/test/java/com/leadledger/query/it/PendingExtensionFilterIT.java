package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff's extension queue: the registrations whose extension request awaits a decision, and no others. */
class PendingExtensionFilterIT extends QueryServiceITBase {

    @Test
    void onlyRegistrationsWithAnExtensionRequestAwaitingADecisionArePending() {
        String partner = uniquePartner("extending");
        Fixtures.OpportunityStream waiting = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        waiting.opened();
        RegistrationSubmitted asking = waiting.submit(partner);
        waiting.approve(asking, "10", 90);
        waiting.requestExtension(asking, 30, "the customer's budget moved to next quarter");
        Fixtures.OpportunityStream decided = new Fixtures.OpportunityStream("DATA_CENTER");
        decided.opened();
        RegistrationSubmitted granted = decided.submit(partner);
        decided.approve(granted, "10", 90);
        ExtensionRequested request = decided.requestExtension(granted, 30, "tender postponed");
        decided.grantExtension(request, Instant.now().plus(120, ChronoUnit.DAYS));
        Fixtures.OpportunityStream never = new Fixtures.OpportunityStream("COLLABORATION");
        never.opened();
        RegistrationSubmitted plain = never.submit(partner);
        List<Fixtures.OpportunityStream> streams = List.of(waiting, decided, never);
        streams.forEach(s -> publish(s.envelopes()));
        streams.forEach(s -> s.envelopes().forEach(this::awaitStored));

        String manager = token("CHANNEL_MANAGER");
        JsonNode pending = http.get("/api/v1/registrations?partnerId=" + partner + "&pendingExtension=true", manager)
                .body();
        assertThat(pending.get("items").findValuesAsText("registrationId")).containsExactly(asking.registrationId());
        assertThat(pending.get("items").get(0).get("pendingExtension").get("days").asInt()).isEqualTo(30);
        assertThat(pending.get("total").asLong()).isEqualTo(1);
        JsonNode others = http.get("/api/v1/registrations?partnerId=" + partner + "&pendingExtension=false", manager)
                .body();
        assertThat(others.get("items").findValuesAsText("registrationId"))
                .containsExactlyInAnyOrder(granted.registrationId(), plain.registrationId());
        assertThat(http.get("/api/v1/registrations?pendingExtension=true", partnerToken(partner)).body()
                .get("items").findValuesAsText("registrationId")).as("a partner: its own only")
                .containsExactly(asking.registrationId());
        assertThat(http.get("/api/v1/registrations?pendingExtension=maybe", manager).status()).isEqualTo(400);
    }
}
