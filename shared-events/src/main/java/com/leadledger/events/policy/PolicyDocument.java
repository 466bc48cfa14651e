package com.leadledger.events.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A complete, versioned rule set. Every number the rules use lives here so that changing a rule means publishing a
 * new version, never changing code.
 */
public record PolicyDocument(
        SortedMap<String, ProductLineRule> productLines,
        SortedMap<String, TierRule> tiers,
        int reviewSlaBusinessDays,
        List<Integer> disputeSlaBusinessDays,
        ExtensionRule extension,
        int appealWindowDays,
        int maxCloseDateMonths,
        BusinessCalendar calendar,
        AbuseLimits limits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer expiryReminderBusinessDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal earlyRegistrationDropThreshold,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProgramRules program) {

    /** How many business days before protection ends its holder is reminded, when the policy does not say. */
    public static final int DEFAULT_EXPIRY_REMINDER_BUSINESS_DAYS = 10;

    /** Policies published before the limits existed apply the shipped policy's limits. */
    public PolicyDocument {
        limits = limits == null ? AbuseLimits.SHIPPED : limits;
    }

    /** A policy without partner program rules; it is stored exactly as policies were before the program existed. */
    public PolicyDocument(SortedMap<String, ProductLineRule> productLines, SortedMap<String, TierRule> tiers,
                          int reviewSlaBusinessDays, List<Integer> disputeSlaBusinessDays, ExtensionRule extension,
                          int appealWindowDays, int maxCloseDateMonths, BusinessCalendar calendar,
                          AbuseLimits limits, Integer expiryReminderBusinessDays,
                          BigDecimal earlyRegistrationDropThreshold) {
        this(productLines, tiers, reviewSlaBusinessDays, disputeSlaBusinessDays, extension, appealWindowDays,
                maxCloseDateMonths, calendar, limits, expiryReminderBusinessDays, earlyRegistrationDropThreshold, null);
    }

    /**
     * A policy without an early-registration drop threshold; it is stored exactly as policies were before the setting
     * existed, and the partners report then applies its default.
     */
    public PolicyDocument(SortedMap<String, ProductLineRule> productLines, SortedMap<String, TierRule> tiers,
                          int reviewSlaBusinessDays, List<Integer> disputeSlaBusinessDays, ExtensionRule extension,
                          int appealWindowDays, int maxCloseDateMonths, BusinessCalendar calendar,
                          AbuseLimits limits, Integer expiryReminderBusinessDays) {
        this(productLines, tiers, reviewSlaBusinessDays, disputeSlaBusinessDays, extension, appealWindowDays,
                maxCloseDateMonths, calendar, limits, expiryReminderBusinessDays, null, null);
    }

    /**
     * A policy without an expiry reminder setting; it is stored exactly as policies were before the setting existed
     * and reminds {@value #DEFAULT_EXPIRY_REMINDER_BUSINESS_DAYS} business days ahead.
     */
    public PolicyDocument(SortedMap<String, ProductLineRule> productLines, SortedMap<String, TierRule> tiers,
                          int reviewSlaBusinessDays, List<Integer> disputeSlaBusinessDays, ExtensionRule extension,
                          int appealWindowDays, int maxCloseDateMonths, BusinessCalendar calendar,
                          AbuseLimits limits) {
        this(productLines, tiers, reviewSlaBusinessDays, disputeSlaBusinessDays, extension, appealWindowDays,
                maxCloseDateMonths, calendar, limits, null, null, null);
    }

    /** Business days before the end of protection at which its holder is reminded (the default when not set). */
    public int expiryReminderDays() {
        return expiryReminderBusinessDays == null ? DEFAULT_EXPIRY_REMINDER_BUSINESS_DAYS : expiryReminderBusinessDays;
    }

    /**
     * How much one partner may grow a stream: withdraw-and-resubmit cycles on one opportunity within 24 hours, and
     * evidence items it adds to one dispute.
     */
    public record AbuseLimits(int resubmissionsPerOpportunityPerDay, int evidencePerPartyPerDispute) {

        /** The limits of the shipped default policy. */
        public static final AbuseLimits SHIPPED = new AbuseLimits(3, 50);
    }

    /**
     * Minimum estimated value for a product line, per ISO 4217 currency; other currencies are refused. The price floor
     * is what a WON deal of the line may not go below without being flagged as possible dumping; policies published
     * before floors existed have none (only the partner's approved discount is checked then) and are stored as they
     * were.
     */
    public record ProductLineRule(SortedMap<String, BigDecimal> minimumValue,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) PriceFloor priceFloor) {

        /** A product line without a price floor. */
        public ProductLineRule(SortedMap<String, BigDecimal> minimumValue) {
            this(minimumValue, null);
        }
    }

    /**
     * The lowest final value of a WON deal the policy accepts without a flag, as the policy chooses for each line:
     * either a maximum effective discount from the registered value (the list price the partner registered), or a
     * minimum share of the registered value, in percent. Exactly one of the two is set.
     */
    public record PriceFloor(@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal maxDiscountPercent,
                             @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal minShareOfRegisteredPercent) {

        private static final BigDecimal HUNDRED = new BigDecimal("100");

        public static PriceFloor maxDiscount(String percent) {
            return new PriceFloor(new BigDecimal(percent), null);
        }

        public static PriceFloor minShare(String percent) {
            return new PriceFloor(null, new BigDecimal(percent));
        }

        /** The share of the registered value, in percent, below which a final value is under the floor. */
        public BigDecimal minimumSharePercent() {
            return maxDiscountPercent != null ? HUNDRED.subtract(maxDiscountPercent) : minShareOfRegisteredPercent;
        }
    }

    /**
     * A tier's benefits and the rules a partner must meet to qualify for it. {@code order} ranks the tiers (higher is
     * better); {@code extension} overrides the policy-wide extension limits for the tier's partners;
     * {@code qualification} is what the qualification run checks. Policies published before tiers were policy data
     * give none of the three and are stored as they were: their tiers rank as the shipped ones did
     * ({@link #LEGACY_ORDER}), their extension limits are the policy's, and no partner qualifies for them by a run.
     */
    public record TierRule(int protectionDays, BigDecimal maxDiscountPercent,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer order,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ExtensionRule extension,
                           @JsonInclude(JsonInclude.Include.NON_NULL) TierQualification qualification) {

        /** The rank of the shipped tiers in policies that give no order. */
        public static final List<String> LEGACY_ORDER = List.of("REGISTERED", "SILVER", "GOLD", "PLATINUM");

        /** A tier with benefits only, as policies before tiers were policy data defined them. */
        public TierRule(int protectionDays, BigDecimal maxDiscountPercent) {
            this(protectionDays, maxDiscountPercent, null, null, null);
        }

        /** The extension limits of the tier's partners: its own, or else the policy-wide {@code fallback}. */
        public ExtensionRule extensionOr(ExtensionRule fallback) {
            return extension == null ? fallback : extension;
        }
    }

    /**
     * What a partner must meet to qualify for a tier; every rule not given (null) is met. {@code minWonRevenue}: WON
     * revenue over the trailing 12 months in the program currency (each deal converted at the rates of the policy
     * version in force); {@code minCertifiedSpecialists}: product line → number of specialists certified for it and
     * valid on the run date; {@code maxPenaltyPoints}: penalty points in force at most; {@code minEarlyShare}: the
     * least share (0 to 1) of the partner's registrations over the trailing 12 months made more than 30 days before
     * their expected close.
     */
    public record TierQualification(@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal minWonRevenue,
                                    @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                    SortedMap<String, Integer> minCertifiedSpecialists,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxPenaltyPoints,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal minEarlyShare) {

        public TierQualification {
            minCertifiedSpecialists = minCertifiedSpecialists == null ? new TreeMap<>()
                    : new TreeMap<>(minCertifiedSpecialists);
        }

        /**
         * Whether a partner with these figures meets every rule; a null {@code earlyShare} (no registrations) meets
         * no minimum share.
         */
        public boolean metBy(BigDecimal wonRevenue, Map<String, Integer> certifiedSpecialists,
                             int penaltyPoints, BigDecimal earlyShare) {
            boolean revenue = minWonRevenue == null || wonRevenue.compareTo(minWonRevenue) >= 0;
            boolean specialists = minCertifiedSpecialists.entrySet().stream()
                    .allMatch(e -> certifiedSpecialists.getOrDefault(e.getKey(), 0) >= e.getValue());
            boolean penalties = maxPenaltyPoints == null || penaltyPoints <= maxPenaltyPoints;
            boolean early = minEarlyShare == null || earlyShare != null && earlyShare.compareTo(minEarlyShare) >= 0;
            return revenue && specialists && penalties && early;
        }
    }

    public record ExtensionRule(int maxCount, int maxDays) {
    }

    /**
     * Business days are Monday to Friday in {@code timeZone}, minus {@code holidays}, plus {@code extraWorkingDays}
     * (weekend days made working days, such as a Saturday a holiday was transferred from). Policies published before
     * extra working days existed have none, and a calendar without any is stored exactly as those were.
     */
    public record BusinessCalendar(String timeZone, List<LocalDate> holidays,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LocalDate> extraWorkingDays) {

        public BusinessCalendar {
            extraWorkingDays = extraWorkingDays == null ? List.of() : extraWorkingDays;
        }
    }

    /** The tier's rank: its {@code order}, or in a policy that gives none the shipped tiers' rank. */
    public int tierRank(String tier) {
        TierRule rule = tiers.get(tier);
        if (rule != null && rule.order() != null) {
            return rule.order();
        }
        int legacy = TierRule.LEGACY_ORDER.indexOf(tier);
        return legacy < 0 ? Integer.MIN_VALUE : legacy;
    }

    /** The tier names from the lowest rank to the highest (ties by name). */
    public List<String> tiersInOrder() {
        return tiers.keySet().stream()
                .sorted(Comparator.comparingInt(this::tierRank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** The extension limits of a partner of {@code tier}: the tier's own, else the policy-wide ones. */
    public ExtensionRule extensionFor(String tier) {
        TierRule rule = tier == null ? null : tiers.get(tier);
        return rule == null ? extension : rule.extensionOr(extension);
    }

    public boolean offersProductLine(String productLine) {
        return productLine != null && productLines.containsKey(productLine);
    }

    /** The price floor of the product line; empty when the line has none or the policy does not offer it. */
    public Optional<PriceFloor> priceFloor(String productLine) {
        ProductLineRule rule = productLine == null ? null : productLines.get(productLine);
        return rule == null ? Optional.empty() : Optional.ofNullable(rule.priceFloor());
    }

    public Optional<BigDecimal> minimumValue(String productLine, String currency) {
        ProductLineRule rule = productLines.get(productLine);
        return rule == null ? Optional.empty() : Optional.ofNullable(rule.minimumValue().get(currency));
    }
}
