package com.leadledger.events.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiers became policy data: the events stored while tiers were a Java enum, and the policies published before tiers had
 * an order, extension limits and qualification rules, read back unchanged and write the same JSON again.
 */
class StoredTierEventsTest {

    /** The payloads exactly as the event store holds them (from the stored-events compatibility dump). */
    static final String ONBOARDED = """
            {"partnerId":"P-2001","name":"Delta Networks","tier":"PLATINUM","productLines":["DATA_CENTER"],\
            "webhookUrl":"https://delta-networks.example/leadledger","onboardedAt":"2026-12-03T10:11:55.085172Z"}""";
    static final String TIER_CHANGED = """
            {"partnerId":"P-2001","previousTier":"PLATINUM","tier":"GOLD","changedAt":"2026-12-03T10:11:55.259934Z"}""";
    static final String OLD_POLICY = """
            {"version":1,"policy":{"productLines":{"DATA_CENTER":{"minimumValue":{"RUB":1000000}}},\
            "tiers":{"GOLD":{"protectionDays":90,"maxDiscountPercent":15},\
            "PLATINUM":{"protectionDays":120,"maxDiscountPercent":20},\
            "REGISTERED":{"protectionDays":60,"maxDiscountPercent":5},\
            "SILVER":{"protectionDays":90,"maxDiscountPercent":10}},"reviewSlaBusinessDays":2,\
            "disputeSlaBusinessDays":[2,3,5],"extension":{"maxCount":1,"maxDays":30},"appealWindowDays":10,\
            "maxCloseDateMonths":12,"calendar":{"timeZone":"Europe/Moscow","holidays":[]}},\
            "publishedAt":"2026-12-03T10:11:35.299107Z","publishedBy":"system"}""";

    private final ObjectMapper mapper = new EnvelopeCodec().mapper();

    @Test
    void readsTierNamesStoredByTheEnumAsTheSameTiers() throws Exception {
        PartnerOnboarded onboarded = mapper.readValue(ONBOARDED, PartnerOnboarded.class);
        PartnerTierChanged changed = mapper.readValue(TIER_CHANGED, PartnerTierChanged.class);

        assertThat(onboarded.tier()).isEqualTo(PartnerTier.PLATINUM).isEqualTo(PartnerTier.of("PLATINUM"));
        assertThat(changed.previousTier()).isEqualTo(PartnerTier.PLATINUM);
        assertThat(changed.tier()).isEqualTo(PartnerTier.GOLD);
        assertThat(changed.tier().name()).isEqualTo("GOLD");
        assertThat(mapper.readTree(mapper.writeValueAsString(onboarded))).isEqualTo(mapper.readTree(ONBOARDED));
        assertThat(mapper.readTree(mapper.writeValueAsString(changed))).isEqualTo(mapper.readTree(TIER_CHANGED));
    }

    @Test
    void readsATierNameThePolicyAddedLater() throws Exception {
        PartnerTierChanged changed = mapper.readValue(TIER_CHANGED.replace("\"GOLD\"", "\"DIAMOND\""),
                PartnerTierChanged.class);

        assertThat(changed.tier()).isEqualTo(PartnerTier.of("DIAMOND"));
        assertThat(mapper.writeValueAsString(changed)).contains("\"tier\":\"DIAMOND\"");
    }

    @Test
    void readsAPolicyPublishedBeforeTiersHadRulesAndRanksItsTiersAsTheEnumDid() throws Exception {
        PolicyPublished published = mapper.readValue(OLD_POLICY, PolicyPublished.class);
        PolicyDocument policy = published.policy();

        assertThat(policy.tiers().get("GOLD")).isEqualTo(new PolicyDocument.TierRule(90, new BigDecimal("15")));
        assertThat(policy.tiersInOrder()).containsExactly("REGISTERED", "SILVER", "GOLD", "PLATINUM");
        assertThat(policy.extensionFor("PLATINUM")).isEqualTo(new PolicyDocument.ExtensionRule(1, 30));
        assertThat(mapper.readTree(mapper.writeValueAsString(published)).at("/policy/tiers"))
                .as("the tiers are written as they were stored").isEqualTo(mapper.readTree(OLD_POLICY).at("/policy/tiers"));
    }

    @Test
    void ranksTiersByTheirOrderAndGivesEachItsOwnExtensionLimits() {
        var gold = new PolicyDocument.TierRule(90, new BigDecimal("15"), 5, new PolicyDocument.ExtensionRule(2, 45),
                null);
        var base = new PolicyDocument.TierRule(60, new BigDecimal("5"), 1, null, null);
        var tiers = new java.util.TreeMap<String, PolicyDocument.TierRule>();
        tiers.put("GOLD", gold);
        tiers.put("AAA_BASE", base);
        PolicyDocument policy = new PolicyDocument(new java.util.TreeMap<>(), tiers, 2, List.of(2, 3, 5),
                new PolicyDocument.ExtensionRule(1, 30), 10, 12,
                new PolicyDocument.BusinessCalendar("Europe/Moscow", List.of(), List.of()), null);

        assertThat(policy.tiersInOrder()).containsExactly("AAA_BASE", "GOLD");
        assertThat(policy.extensionFor("GOLD")).isEqualTo(new PolicyDocument.ExtensionRule(2, 45));
        assertThat(policy.extensionFor("AAA_BASE")).isEqualTo(new PolicyDocument.ExtensionRule(1, 30));
        assertThat(policy.extensionFor(null)).isEqualTo(new PolicyDocument.ExtensionRule(1, 30));
    }
}
