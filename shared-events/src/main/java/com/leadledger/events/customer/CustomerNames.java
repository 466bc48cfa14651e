package com.leadledger.events.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Normalizes legal names for similarity only (never as a key): case-fold, Cyrillic transliterated to Latin, quotes,
 * punctuation and legal-form words (ООО, АО, LLC, GmbH, …) dropped, spaces collapsed. "ООО «Ромашка»" and
 * "Romashka LLC" both become "romashka".
 */
public final class CustomerNames {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "iu"), Map.entry('я', "ia"));

    /** Legal-form words after transliteration and case folding. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "ooo", "ao", "pao", "zao", "oao", "ip", "nko", "ano", "gup", "mup", "fgup",
            "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company",
            "gmbh", "ag", "jsc", "pjsc", "cjsc", "ojsc", "plc", "llp", "lp", "sa", "sas", "srl", "bv", "nv", "oy", "ab");

    private CustomerNames() {
    }

    public static String normalize(String legalName) {
        if (legalName == null) {
            return "";
        }
        String folded = Normalizer.normalize(legalName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(folded.length());
        for (char c : folded.toCharArray()) {
            String mapped = CYRILLIC.get(c);
            latin.append(mapped != null ? mapped : c);
        }
        String withoutMarks = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String words = withoutMarks.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return Arrays.stream(words.split(" "))
                .filter(w -> !w.isEmpty() && !LEGAL_FORMS.contains(w))
                .collect(Collectors.joining(" "));
    }
}
