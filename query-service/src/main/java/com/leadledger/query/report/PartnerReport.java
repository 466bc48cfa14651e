package com.leadledger.query.report;

import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.registration.RegistrationStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Each partner onboarded as of the report's instant: of its registrations submitted in the period, how many were
 * approved and rejected, won and lost, its penalty points, and the early-registration indicator (how many days
 * before the expected close it registers). A partner is flagged when the share of its early registrations (the
 * policy's one definition, {@link PointsRules.EarlyRegistration}) fell in each of the last two quarters and by more
 * than the policy's threshold in total: the sign of a partner that stopped sharing early-stage deals. Quarters are calendar quarters
 * (UTC); the last one is the quarter in which the period ends.
 */
final class PartnerReport {

    /** The flagging drop when the policy in force sets none: 20 percentage points. */
    static final BigDecimal DEFAULT_DROP_THRESHOLD = new BigDecimal("0.20");

    @Schema(name = "PartnerReportRow")
    record Row(String partnerId, String name, long registrations, long approved, long rejected,
               BigDecimal approvalRate, long won, long lost, BigDecimal winRate, int penaltyPoints,
               BigDecimal medianDaysBeforeClose, BigDecimal earlyShare, String lastQuarter,
               BigDecimal earlyShareTwoQuartersBefore, BigDecimal earlySharePreviousQuarter,
               BigDecimal earlyShareLastQuarter, boolean earlyRegistrationDrop, boolean dropAfterAdverseEvent) {
    }

    private PartnerReport() {
    }

    static List<Row> rows(ReportFacts facts, Period period) {
        Quarter last = Quarter.containing(period.to().minusMillis(1));
        return facts.partners().values().stream()
                .sorted(Comparator.comparing(PartnerFact::partnerId))
                .map(partner -> row(partner, facts.registrations().values().stream()
                        .filter(r -> r.partnerId().equals(partner.partnerId())).toList(), period, last,
                        facts.dropThreshold(), facts.earlyRegistration()))
                .toList();
    }

    private static Row row(PartnerFact partner, List<RegistrationFact> all, Period period, Quarter last,
                           BigDecimal threshold, PointsRules.EarlyRegistration definition) {
        List<RegistrationFact> inPeriod = all.stream().filter(r -> period.contains(r.acceptedAt())).toList();
        long approved = count(inPeriod, RegistrationFact::everApproved);
        long rejected = count(inPeriod, r -> r.decision() == RegistrationStatus.REJECTED && !r.everApproved());
        long won = count(inPeriod, r -> r.status() == RegistrationStatus.WON);
        long lost = count(inPeriod, r -> r.status() == RegistrationStatus.LOST);
        BigDecimal twoBefore = earlyShare(inQuarter(all, last.minus(2)), definition);
        BigDecimal previous = earlyShare(inQuarter(all, last.minus(1)), definition);
        BigDecimal latest = earlyShare(inQuarter(all, last), definition);
        boolean drop = dropped(twoBefore, previous, latest, threshold);
        Instant windowStart = last.minus(2).start();
        boolean afterAdverse = drop && partner.adverseEvents().stream()
                .anyMatch(at -> !at.isBefore(windowStart) && at.isBefore(last.end()));
        return new Row(partner.partnerId(), partner.name(), inPeriod.size(), approved, rejected,
                Statistics.share(approved, approved + rejected), won, lost, Statistics.share(won, won + lost),
                partner.penaltyPoints(),
                Statistics.median(inPeriod.stream().map(r -> BigDecimal.valueOf(daysBeforeClose(r))).toList()),
                earlyShare(inPeriod, definition), last.toString(), twoBefore, previous, latest, drop, afterAdverse);
    }

    /**
     * One partner's early-registration indicator as of the instant the facts were folded up to: its registrations of
     * the trailing twelve months (up to and including {@code asOf}) and of the last three quarters, the last one being
     * the quarter containing {@code asOf}.
     */
    static EarlyRegistrationIndicator earlyRegistration(ReportFacts facts, String partnerId, Instant asOf) {
        List<RegistrationFact> all = facts.registrations().values().stream()
                .filter(r -> r.partnerId().equals(partnerId) && !r.acceptedAt().isAfter(asOf)).toList();
        Instant from = asOf.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        List<RegistrationFact> window = all.stream().filter(r -> !r.acceptedAt().isBefore(from)).toList();
        Quarter last = Quarter.containing(asOf);
        PointsRules.EarlyRegistration definition = facts.earlyRegistration();
        List<EarlyRegistrationIndicator.QuarterShare> quarters = List.of(last.minus(2), last.minus(1), last).stream()
                .map(quarter -> {
                    List<RegistrationFact> in = inQuarter(all, quarter);
                    return new EarlyRegistrationIndicator.QuarterShare(quarter.toString(), in.size(),
                            earlyShare(in, definition));
                }).toList();
        return new EarlyRegistrationIndicator(from, asOf, definition.minDaysBeforeClose(), window.size(),
                count(window, r -> early(r, definition)), earlyShare(window, definition),
                Statistics.median(window.stream().map(r -> BigDecimal.valueOf(daysBeforeClose(r))).toList()),
                quarters, facts.dropThreshold(), dropped(quarters.get(0).earlyShare(), quarters.get(1).earlyShare(),
                quarters.get(2).earlyShare(), facts.dropThreshold()));
    }

    /**
     * Whether the early share fell in each of the last two quarters and by more than the threshold from the first
     * to the last of the three; a quarter without registrations has no share and raises no flag.
     */
    static boolean dropped(BigDecimal twoBefore, BigDecimal previous, BigDecimal latest, BigDecimal threshold) {
        return twoBefore != null && previous != null && latest != null
                && previous.compareTo(twoBefore) < 0 && latest.compareTo(previous) < 0
                && twoBefore.subtract(latest).compareTo(threshold) > 0;
    }

    static long daysBeforeClose(RegistrationFact registration) {
        return PointsRules.EarlyRegistration.daysBeforeClose(registration.acceptedAt(),
                registration.expectedCloseDate());
    }

    private static boolean early(RegistrationFact registration, PointsRules.EarlyRegistration definition) {
        return definition.early(registration.acceptedAt(), registration.expectedCloseDate());
    }

    private static BigDecimal earlyShare(List<RegistrationFact> registrations,
                                         PointsRules.EarlyRegistration definition) {
        return Statistics.share(count(registrations, r -> early(r, definition)), registrations.size());
    }

    private static List<RegistrationFact> inQuarter(List<RegistrationFact> registrations, Quarter quarter) {
        return registrations.stream()
                .filter(r -> !r.acceptedAt().isBefore(quarter.start()) && r.acceptedAt().isBefore(quarter.end()))
                .toList();
    }

    private static long count(List<RegistrationFact> registrations, Predicate<RegistrationFact> condition) {
        return registrations.stream().filter(condition).count();
    }

    /** A calendar quarter in UTC, identified by its first month. */
    record Quarter(YearMonth firstMonth) {

        static Quarter containing(Instant at) {
            YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
            return new Quarter(month.minusMonths((month.getMonthValue() - 1) % 3));
        }

        Quarter minus(int quarters) {
            return new Quarter(firstMonth.minusMonths(3L * quarters));
        }

        Instant start() {
            return firstMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return firstMonth.plusMonths(3).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        @Override
        public String toString() {
            return firstMonth.getYear() + "-Q" + firstMonth.atDay(1).get(IsoFields.QUARTER_OF_YEAR);
        }
    }
}
