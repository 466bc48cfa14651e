package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Predicate;

/**
 * Members the recorded answers hold that the contract has withdrawn on purpose since the history was written. The
 * contract is only ever extended (new members are no difference, see {@link ReadModels}); each withdrawal here is a
 * decision with its reason, and the recorded answers lose exactly these members before they are compared.
 */
final class ContractChanges {

    /**
     * @param answers  the answers that no longer carry the member
     * @param within   the name of the arrays whose objects carried it (at any depth)
     * @param member   the withdrawn member
     */
    record Withdrawal(Predicate<Request> answers, String within, String member, String why) {
    }

    static final List<Withdrawal> WITHDRAWN = List.of(
            new Withdrawal(request -> Callers.isPartner(request.caller()) && request.path().startsWith("/api/v1/disputes"),
                    "rulings", "rationale", "a ruling's rationale is the decider's internal note: a party sees the "
                    + "partyStatement written for the parties instead"));

    private ContractChanges() {
    }

    /** The recorded answer as the current contract would give it. */
    static JsonNode current(Request request, JsonNode recorded) {
        JsonNode body = recorded.deepCopy();
        WITHDRAWN.stream().filter(withdrawal -> withdrawal.answers().test(request))
                .forEach(withdrawal -> withdraw(body, withdrawal));
        return body;
    }

    private static void withdraw(JsonNode node, Withdrawal withdrawal) {
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> {
                if (member.getKey().equals(withdrawal.within()) && member.getValue().isArray()) {
                    member.getValue().forEach(item -> {
                        if (item instanceof ObjectNode object) {
                            object.remove(withdrawal.member());
                        }
                    });
                }
                withdraw(member.getValue(), withdrawal);
            });
        } else if (node.isArray()) {
            node.forEach(item -> withdraw(item, withdrawal));
        }
    }
}
