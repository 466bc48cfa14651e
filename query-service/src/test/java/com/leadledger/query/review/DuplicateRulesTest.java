package com.leadledger.query.review;

import com.leadledger.events.customer.CustomerNames;
import com.leadledger.query.review.DuplicateRules.Match;
import com.leadledger.query.review.DuplicateRules.Party;
import com.leadledger.query.review.DuplicateRules.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateRulesTest {

    static Party party(String id, String key, String domain, String legalName) {
        return new Party(id, key, domain, CustomerNames.normalize(legalName));
    }

    @Test
    void theSameCustomerUnderATaxIdAndUnderADomainIsASimilarName() {
        Party byTaxId = party("r1", "RU:7707083893", null, "ООО «Ромашка»");
        Party byDomain = party("r2", "romashka-shop.ru", "romashka-shop.ru", "Romashka LLC");

        assertThat(DuplicateRules.match(byTaxId, byDomain)).contains(new Match(Reason.SIMILAR_NAME, 1.0));
        assertThat(DuplicateRules.match(byDomain, byTaxId)).contains(new Match(Reason.SIMILAR_NAME, 1.0));
    }

    @Test
    void aTypoStillMatchesWithItsScoreButAnotherCompanyDoesNot() {
        Party original = party("r1", "RU:7707083893", null, "Romashka");
        Party typo = party("r2", "romashka.com", "romashka.com", "Ramashka Ltd");
        Party other = party("r3", "vasilek.ru", "vasilek.ru", "Vasilek");

        Match match = DuplicateRules.match(original, typo).orElseThrow();
        assertThat(match.reason()).isEqualTo(Reason.SIMILAR_NAME);
        assertThat(match.score()).isBetween(DuplicateRules.SIMILAR_NAME_THRESHOLD, 0.999);
        assertThat(String.valueOf(match.score())).matches("0\\.\\d{1,3}");
        assertThat(DuplicateRules.match(original, other)).isEmpty();
    }

    @Test
    void theSameDomainWinsOverAnyNameWithScoreOne() {
        Party withTaxId = party("r1", "RU:7707083893", "acme.ru", "Acme Trading");
        Party byDomain = party("r2", "acme.ru", "acme.ru", "Zeta Holdings");
        Party otherTaxIdSameDomain = party("r3", "RU:500100732259", "acme.ru", "Acme Trading");

        assertThat(DuplicateRules.match(withTaxId, byDomain)).contains(new Match(Reason.SAME_DOMAIN, 1.0));
        assertThat(DuplicateRules.match(byDomain, withTaxId)).contains(new Match(Reason.SAME_DOMAIN, 1.0));
        assertThat(DuplicateRules.match(withTaxId, otherTaxIdSameDomain))
                .contains(new Match(Reason.SAME_DOMAIN, 1.0));
    }

    @Test
    void aKeyThatIsTheOthersDomainCountsAsTheSameDomain() {
        Party subject = party("r1", "RU:7707083893", "acme.ru", "Acme");
        Party keyedByThatDomain = new Party("r2", "acme.ru", null, "zeta");

        assertThat(DuplicateRules.match(subject, keyedByThatDomain)).contains(new Match(Reason.SAME_DOMAIN, 1.0));
        assertThat(DuplicateRules.match(keyedByThatDomain, subject)).contains(new Match(Reason.SAME_DOMAIN, 1.0));
    }

    @Test
    void theSameKeyOrTheSameRegistrationIsNeverADuplicate() {
        Party a = party("r1", "RU:7707083893", "acme.ru", "Acme");
        Party sameKey = party("r2", "RU:7707083893", "acme.ru", "Acme");

        assertThat(DuplicateRules.match(a, sameKey)).isEmpty();
        assertThat(DuplicateRules.match(a, a)).isEmpty();
    }

    @Test
    void namesThatNormalizeToNothingAreNeverSimilar() {
        Party onlyLegalForm = party("r1", "RU:7707083893", null, "ООО");
        Party other = party("r2", "x.ru", "x.ru", "LLC");

        assertThat(DuplicateRules.match(onlyLegalForm, other)).isEmpty();
    }
}
