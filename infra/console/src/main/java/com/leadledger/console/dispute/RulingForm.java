package com.leadledger.console.dispute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ruling as the decider fills it in. It is shown back with its effects on a confirmation step before it is sent;
 * {@code idempotencyKey} is fixed when the form is shown, so that confirming twice rules once.
 */
public record RulingForm(String outcome, String rationale, String partyStatement, String rightfulRegistrationId,
                         Boolean revokeRespondentProtection, String penaltyPoints, String idempotencyKey) {

    /** An unchecked box is not sent at all: no revocation. */
    public RulingForm {
        revokeRespondentProtection = Boolean.TRUE.equals(revokeRespondentProtection);
    }

    static final List<String> OUTCOMES = List.of("UPHELD", "DISMISSED");

    static RulingForm empty() {
        return new RulingForm("UPHELD", null, null, null, false, null, UUID.randomUUID().toString());
    }

    boolean upheld() {
        return "UPHELD".equals(outcome);
    }

    /** The API's request body ({@code POST /api/v1/disputes/{id}/ruling}); the effects only for an upheld ruling. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.putIfPresent(body, "outcome", outcome);
        Forms.putIfPresent(body, "rationale", rationale);
        Forms.putIfPresent(body, "partyStatement", partyStatement);
        if (upheld()) {
            Forms.putIfPresent(body, "rightfulRegistrationId", rightfulRegistrationId);
            if (revokeRespondentProtection) {
                body.put("revokeRespondentProtection", true);
            }
            String points = Forms.decimal(penaltyPoints);
            if (points != null) {
                body.put("penaltyPoints", points.matches("\\d{1,9}") ? Integer.valueOf(points) : points);
            }
        }
        return body;
    }

    /**
     * What the ruling will do, as message keys with their arguments, for the confirmation step: the outcome, and for
     * an upheld ruling the rightful registration, the revocation and the penalty.
     */
    List<Effect> effects(String respondentPartnerId, String respondentRegistrationId) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect("ruling.effect." + outcome, List.of()));
        if (!upheld()) {
            return effects;
        }
        if (rightfulRegistrationId != null && !rightfulRegistrationId.isBlank()) {
            effects.add(new Effect("ruling.effect.rightful", List.of(rightfulRegistrationId.strip())));
        }
        if (revokeRespondentProtection) {
            effects.add(new Effect("ruling.effect.revoke", List.of(orUnknown(respondentRegistrationId))));
        }
        String points = Forms.decimal(penaltyPoints);
        if (points != null && !points.equals("0")) {
            effects.add(new Effect("ruling.effect.penalty", List.of(points, orUnknown(respondentPartnerId))));
        }
        if (effects.size() == 1) {
            effects.add(new Effect("ruling.effect.none", List.of()));
        }
        return effects;
    }

    private static String orUnknown(String value) {
        return value == null ? "—" : value;
    }

    /** One effect: a message key and its arguments. */
    public record Effect(String key, List<String> arguments) {
    }
}
