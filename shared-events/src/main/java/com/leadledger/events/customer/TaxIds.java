package com.leadledger.events.customer;

import java.util.Locale;

/**
 * Normalizes tax ids to {@code <COUNTRY>:<ID>} and validates the check digits of Russian ids:
 * INN (10 digits, legal entity; 12 digits, individual entrepreneur), OGRN (13) and OGRNIP (15).
 */
public final class TaxIds {

    private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST_WEIGHTS = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private TaxIds() {
    }

    public static String normalize(String country, String rawTaxId) {
        if (rawTaxId == null || rawTaxId.isBlank()) {
            throw new InvalidIdentifierException("TAX_ID_BLANK", "tax id must not be blank");
        }
        String id = rawTaxId.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if ("RU".equals(country)) {
            validateRussian(id);
        } else if (!id.matches("[A-Z0-9]{4,20}")) {
            throw new InvalidIdentifierException("TAX_ID_FORMAT",
                    "tax id must be 4 to 20 letters or digits after removing spaces and dashes");
        }
        return country + ":" + id;
    }

    private static void validateRussian(String id) {
        if (!id.matches("\\d+")) {
            throw new InvalidIdentifierException("TAX_ID_FORMAT", "a Russian tax id (INN, OGRN, OGRNIP) has digits only");
        }
        boolean valid = switch (id.length()) {
            case 10 -> digit(id, 9) == weightedCheck(id, INN10_WEIGHTS);
            case 12 -> digit(id, 10) == weightedCheck(id, INN12_FIRST_WEIGHTS)
                    && digit(id, 11) == weightedCheck(id, INN12_SECOND_WEIGHTS);
            case 13 -> digit(id, 12) == Long.parseLong(id.substring(0, 12)) % 11 % 10;
            case 15 -> digit(id, 14) == Long.parseLong(id.substring(0, 14)) % 13 % 10;
            default -> throw new InvalidIdentifierException("TAX_ID_FORMAT",
                    "a Russian tax id has 10 or 12 digits (INN), 13 (OGRN) or 15 (OGRNIP)");
        };
        if (!valid) {
            throw new InvalidIdentifierException("TAX_ID_CHECKSUM", "the check digit of the tax id is wrong");
        }
    }

    private static int weightedCheck(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        return sum % 11 % 10;
    }

    private static int digit(String s, int index) {
        return s.charAt(index) - '0';
    }
}
