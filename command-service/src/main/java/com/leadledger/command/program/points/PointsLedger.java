package com.leadledger.command.program.points;

import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.program.PointsAwarded;
import com.leadledger.events.program.PointsExpired;
import com.leadledger.events.program.PointsRedeemed;
import com.leadledger.events.program.ProgramStreams;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One partner's points: every award (at most one per cause and rule), the unspent remainder of each award (spent and
 * taken oldest first), a debt when a penalty took more than was left (paid first from later awards), the redemptions
 * within the caps, and the extra discount bought per registration.
 */
@Aggregate
class PointsLedger {

    private static final BigDecimal HUNDRED_THOUSAND = new BigDecimal("100000");

    @AggregateIdentifier
    private String ledgerId;
    private String partnerId;
    private final Set<String> awardIds = new HashSet<>();
    /** award id → unspent remainder, oldest award first. */
    private final LinkedHashMap<String, Integer> remainders = new LinkedHashMap<>();
    /** award id → the instant its remainder expires (positive awards only). */
    private final Map<String, Instant> expiries = new HashMap<>();
    private int debt;
    /** dispute id → points its penalty took, while the penalty is in force. */
    private final Map<String, Integer> penaltiesTaken = new HashMap<>();
    private final List<PointsRedeemed> redemptions = new ArrayList<>();
    private final Map<String, BigDecimal> extraDiscounts = new HashMap<>();

    PointsLedger() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AwardApprovalPoints command, Policies policies, DeadlineManager deadlines) {
        PointsRules rules = rulesOf(policies, command.policyVersion());
        if (rules == null) {
            return; // the policy of the approval had no points program
        }
        award(command.partnerId(), command.causationId(), PointsAwarded.Cause.REGISTRATION_APPROVED,
                command.registrationId(), rules.registrationApproved(), command.approvedAt(), rules,
                command.policyVersion(), deadlines);
        PointsRules.EarlyRegistration early = rules.earlyRegistration();
        if (early != null && command.submittedAt() != null && command.expectedCloseDate() != null) {
            // the one definition of early, as the tier rules and the reports count it
            if (early.early(command.submittedAt(), command.expectedCloseDate())) {
                award(command.partnerId(), command.causationId(), PointsAwarded.Cause.EARLY_REGISTRATION,
                        command.registrationId(), early.points(), command.approvedAt(), rules,
                        command.policyVersion(), deadlines);
            }
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AwardWinPoints command, Policies policies, DeadlineManager deadlines) {
        ProgramRules program = policies.version(command.policyVersion()).policy().program();
        if (program == null || program.points() == null) {
            return;
        }
        BigDecimal value = program.inProgramCurrency(command.finalValue()).orElse(null);
        if (value == null) {
            return; // no exchange rate for the deal's currency in that policy: nothing can be counted
        }
        int full100000s = value.divide(HUNDRED_THOUSAND, 0, RoundingMode.DOWN).intValueExact();
        award(command.partnerId(), command.causationId(), PointsAwarded.Cause.REGISTRATION_WON,
                command.registrationId(), full100000s * program.points().wonPer100000(), command.wonAt(),
                program.points(), command.policyVersion(), deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeductPenaltyPoints command, Policies policies, DeadlineManager deadlines) {
        PointsRules rules = rulesOf(policies, command.policyVersion());
        if (rules == null) {
            return;
        }
        award(command.partnerId(), command.causationId(), PointsAwarded.Cause.PENALTY, command.disputeId(),
                -command.penaltyPoints() * rules.perPenaltyPoint(), command.penalizedAt(), rules,
                command.policyVersion(), deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RestorePenaltyPoints command, Policies policies, DeadlineManager deadlines) {
        Integer taken = penaltiesTaken.get(command.disputeId());
        PointsRules rules = rulesOf(policies, command.policyVersion());
        if (taken == null || rules == null) {
            return; // the penalty took nothing (or was given back already)
        }
        award(command.partnerId(), command.causationId(), PointsAwarded.Cause.PENALTY_REVERSED, command.disputeId(),
                taken, command.reversedAt(), rules, command.policyVersion(), deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PointsRedeemed handle(RedeemPoints command, Clock clock, Policies policies,
                          EligibleRegistrations registrations) {
        if (command.kind() == null) {
            throw RuleViolation.invalidField("kind", "must be MARKETING_FUND_CREDIT or EXTRA_DISCOUNT",
                    "POINTS_REDEMPTION_KIND_INVALID");
        }
        if (command.points() < 1) {
            throw RuleViolation.invalidField("points", "must be at least 1", "POINTS_NOT_POSITIVE");
        }
        boolean discount = command.kind() == PointsRedeemed.Kind.EXTRA_DISCOUNT;
        if (discount && (command.registrationId() == null || command.registrationId().isBlank())) {
            throw RuleViolation.invalidField("registrationId", "is required for an extra discount",
                    "REGISTRATION_REQUIRED");
        }
        if (!discount && command.registrationId() != null) {
            throw RuleViolation.invalidField("registrationId", "is only given for an extra discount",
                    "REGISTRATION_NOT_EXPECTED");
        }
        PublishedPolicy policy = policies.inForce();
        ProgramRules program = policy.policy().program();
        PointsRules.Redemption redemption = program == null || program.points() == null ? null
                : program.points().redemption();
        if (redemption == null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "POINTS_REDEMPTION_UNAVAILABLE",
                    "the policy in force allows no redemption of points");
        }
        if (discount && !registrations.isApprovedRegistrationOf(command.registrationId(), command.partnerId())) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "REGISTRATION_NOT_ELIGIBLE",
                    "an extra discount is only given on the partner's own approved registration",
                    Map.of("registrationId", command.registrationId()));
        }
        Instant now = clock.instant();
        int balance = balance(now);
        if (command.points() > balance) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "POINTS_INSUFFICIENT",
                    "the partner has " + balance + " points, fewer than " + command.points(),
                    Map.of("balance", balance, "requested", command.points()));
        }
        Instant periodStart = now.minus(Duration.ofDays(redemption.periodDays()));
        int byPartner = spentSince(periodStart, null);
        if (byPartner + command.points() > redemption.maxPointsPerPartner()) {
            throw capExceeded("partner", redemption.maxPointsPerPartner(), byPartner, redemption.periodDays());
        }
        int byIndividual = spentSince(periodStart, command.actorId());
        if (byIndividual + command.points() > redemption.maxPointsPerIndividual()) {
            throw capExceeded("individual", redemption.maxPointsPerIndividual(), byIndividual,
                    redemption.periodDays());
        }
        Money credit = null;
        BigDecimal percent = null;
        if (discount) {
            percent = redemption.extraDiscountPercentPerPoint().multiply(BigDecimal.valueOf(command.points()));
            BigDecimal already = extraDiscounts.getOrDefault(command.registrationId(), BigDecimal.ZERO);
            if (already.add(percent).compareTo(redemption.maxExtraDiscountPercent()) > 0) {
                throw new RuleViolation(RuleViolation.Kind.CONFLICT, "POINTS_REDEMPTION_CAP_EXCEEDED",
                        "the extra discount on a registration is at most " + redemption.maxExtraDiscountPercent()
                                + " percentage points; " + already + " were redeemed on it already",
                        Map.of("cap", "registration", "limit", redemption.maxExtraDiscountPercent(),
                                "used", already));
            }
        } else {
            credit = new Money(redemption.marketingFundCreditPerPoint().multiply(BigDecimal.valueOf(command.points())),
                    program.currency());
        }
        PointsRedeemed redeemed = new PointsRedeemed(command.partnerId(), command.redemptionId(), command.kind(),
                command.points(), credit, percent, command.registrationId(), command.actorId(), now,
                policy.version());
        apply(redeemed);
        return redeemed;
    }

    @DeadlineHandler(deadlineName = PointsExpiryDeadline.NAME)
    void onExpiry(PointsExpiryDeadline deadline) {
        Integer left = remainders.get(deadline.awardId());
        if (left == null || left <= 0) {
            return; // spent, taken or expired already
        }
        apply(new PointsExpired(partnerId, deadline.awardId(), left, deadline.expiresAt()));
    }

    private void award(String partner, String causationId, PointsAwarded.Cause cause, String subjectId, int points,
                       Instant at, PointsRules rules, long policyVersion, DeadlineManager deadlines) {
        String awardId = causationId + "/" + cause.name();
        if (points == 0 || awardIds.contains(awardId)) {
            return; // nothing to award, or this cause was awarded already (a redelivery or a replay)
        }
        Instant expiresAt = points > 0 ? at.plus(Duration.ofDays(rules.expiryDays())) : null;
        apply(new PointsAwarded(partner, awardId, cause, causationId, subjectId, points, expiresAt, at,
                policyVersion));
        if (expiresAt != null) {
            deadlines.schedule(expiresAt, PointsExpiryDeadline.NAME, new PointsExpiryDeadline(awardId, expiresAt));
        }
    }

    private static PointsRules rulesOf(Policies policies, long version) {
        ProgramRules program = policies.version(version).policy().program();
        return program == null ? null : program.points();
    }

    /** The points that can be spent at {@code at}: the remainders of the awards not expired by then, less the debt. */
    private int balance(Instant at) {
        return remainders.entrySet().stream()
                .filter(remainder -> !expiredAt(remainder.getKey(), at))
                .mapToInt(Map.Entry::getValue).sum() - debt;
    }

    /** Whether award {@code awardId} has expired at {@code at}, whether or not its deadline has fired yet. */
    private boolean expiredAt(String awardId, Instant at) {
        Instant expiresAt = expiries.get(awardId);
        return expiresAt != null && !at.isBefore(expiresAt);
    }

    private int spentSince(Instant from, String actorId) {
        return redemptions.stream()
                .filter(r -> r.redeemedAt().isAfter(from))
                .filter(r -> actorId == null || actorId.equals(r.actorId()))
                .mapToInt(PointsRedeemed::points).sum();
    }

    private static RuleViolation capExceeded(String who, int limit, int used, int periodDays) {
        return new RuleViolation(RuleViolation.Kind.CONFLICT, "POINTS_REDEMPTION_CAP_EXCEEDED",
                "at most " + limit + " points may be redeemed per " + who + " in " + periodDays + " days; "
                        + used + " were redeemed already",
                Map.of("cap", who, "limit", limit, "used", used, "periodDays", periodDays));
    }

    @EventSourcingHandler
    void on(PointsAwarded event) {
        ledgerId = ProgramStreams.pointsLedger(event.partnerId());
        partnerId = event.partnerId();
        awardIds.add(event.awardId());
        if (event.points() > 0) {
            int paid = Math.min(debt, event.points());
            debt -= paid;
            remainders.put(event.awardId(), event.points() - paid);
            if (event.expiresAt() != null) {
                expiries.put(event.awardId(), event.expiresAt());
            }
        } else {
            // like a redemption, a penalty takes only points not expired at its instant
            debt += take(-event.points(), event.awardedAt());
        }
        if (event.cause() == PointsAwarded.Cause.PENALTY) {
            penaltiesTaken.put(event.subjectId(), -event.points());
        } else if (event.cause() == PointsAwarded.Cause.PENALTY_REVERSED) {
            penaltiesTaken.remove(event.subjectId());
        }
    }

    @EventSourcingHandler
    void on(PointsExpired event) {
        remainders.put(event.awardId(), 0);
    }

    @EventSourcingHandler
    void on(PointsRedeemed event) {
        ledgerId = ProgramStreams.pointsLedger(event.partnerId());
        partnerId = event.partnerId();
        // a redemption spends only points not expired at its instant, so the expiry of an award whose deadline
        // fires later still finds its whole remainder; what is left over came from a redemption stored before
        // that rule and is taken, as then, from the oldest remainders
        int left = take(event.points(), event.redeemedAt());
        take(left);
        redemptions.add(event);
        if (event.extraDiscountPercent() != null) {
            extraDiscounts.merge(event.registrationId(), event.extraDiscountPercent(), BigDecimal::add);
        }
    }

    /** Takes up to {@code points} from the oldest unspent remainders; returns what could not be taken. */
    private int take(int points) {
        return take(points, null);
    }

    /**
     * Takes up to {@code points} from the oldest unspent remainders not expired at {@code at} (any remainder when
     * {@code at} is null); returns what could not be taken.
     */
    private int take(int points, Instant at) {
        int left = points;
        for (Map.Entry<String, Integer> remainder : remainders.entrySet()) {
            if (left == 0) {
                break;
            }
            if (at != null && expiredAt(remainder.getKey(), at)) {
                continue;
            }
            int taken = Math.min(left, remainder.getValue());
            remainder.setValue(remainder.getValue() - taken);
            left -= taken;
        }
        return left;
    }
}
