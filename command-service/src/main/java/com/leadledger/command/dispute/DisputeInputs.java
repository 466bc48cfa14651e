package com.leadledger.command.dispute;

import com.leadledger.command.common.Links;
import com.leadledger.events.common.Money;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The amounts and documents a complaint or evidence carries, checked and normalized as the dispute records them. */
final class DisputeInputs {

    private static final String AMOUNTS = "amounts";

    private DisputeInputs() {
    }

    /**
     * The amounts as recorded (null when none were given). A price-dumping complaint needs all three; currencies must
     * be ISO 4217 codes and the quoted and alleged prices in one currency. Every failing member is named.
     */
    static DisputeAmounts amounts(DisputeAmounts amounts, boolean required) {
        if (amounts == null) {
            if (required) {
                throw RuleViolation.invalidField(AMOUNTS, "are required for a PRICE_DUMPING complaint",
                        "AMOUNTS_REQUIRED");
            }
            return null;
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (required) {
            requirePresent(errors, amounts.quotedPrice(), "quotedPrice");
            requirePresent(errors, amounts.allegedPrice(), "allegedPrice");
            requirePresent(errors, amounts.entitledDiscountPercent(), "entitledDiscountPercent");
        }
        boolean quotedValid = isoCurrency(errors, amounts.quotedPrice(), "quotedPrice");
        boolean allegedValid = isoCurrency(errors, amounts.allegedPrice(), "allegedPrice");
        if (quotedValid && allegedValid
                && !amounts.quotedPrice().currency().equals(amounts.allegedPrice().currency())) {
            errors.add(new FieldProblem(AMOUNTS + ".allegedPrice.currency", "must be the quoted price's currency",
                    "CURRENCY_MISMATCH"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalidFields("The amounts are incomplete or invalid.", errors);
        }
        boolean empty = amounts.quotedPrice() == null && amounts.allegedPrice() == null
                && amounts.entitledDiscountPercent() == null;
        return empty ? null : amounts;
    }

    /** The documents as recorded: names stripped, hashes in lower case, links absolute http(s) URLs. */
    static List<EvidenceDocument> documents(List<EvidenceDocument> documents) {
        if (documents == null) {
            return List.of();
        }
        List<EvidenceDocument> recorded = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            EvidenceDocument document = documents.get(i);
            recorded.add(new EvidenceDocument(document.name().strip(), document.sha256().toLowerCase(Locale.ROOT),
                    Links.httpUrlOrNull(document.link(), "documents[" + i + "].link")));
        }
        return List.copyOf(recorded);
    }

    private static void requirePresent(List<FieldProblem> errors, Object member, String name) {
        if (member == null) {
            errors.add(new FieldProblem(AMOUNTS + "." + name, "is required", "AMOUNTS_REQUIRED"));
        }
    }

    /** True when the price is given in a known currency; an unknown one is reported. */
    private static boolean isoCurrency(List<FieldProblem> errors, Money price, String name) {
        if (price == null) {
            return false;
        }
        if (!Money.isIsoCurrency(price.currency())) {
            errors.add(new FieldProblem(AMOUNTS + "." + name + ".currency", "must be an ISO 4217 code"));
            return false;
        }
        return true;
    }
}
