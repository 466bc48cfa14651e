package com.leadledger.command.registration;

import com.leadledger.command.common.Links;
import com.leadledger.command.common.SnapshotState;
import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.command.review.ApproveRegistration;
import com.leadledger.command.review.DecideExtension;
import com.leadledger.command.review.RejectRegistration;
import com.leadledger.command.support.ChangeSupport;
import com.leadledger.command.support.RecordSupportEvidence;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportEvidenceRecorded;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.policy.BusinessDays;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.PossibleDumpingDismissed;
import com.leadledger.events.registration.PossibleDumpingDisputed;
import com.leadledger.events.registration.PossibleDumpingFlagged;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static com.leadledger.kit.domain.RuleViolation.Kind.INVALID;
import static com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One consistency boundary per (customer key, product line): every rule that compares registrations is checked here,
 * atomically — positions ("who registered first"), one active registration per partner, first-to-register approval,
 * protection and vendor support — and the review and support rules that need the partner's tier or the policy in force,
 * read through injected ports. Time comes from the injected {@link Clock}, rules from the injected {@link Policies}
 * and {@link ChurnLimit}.
 * Commands addressed by registration id reach it through {@code CommandRouting}. Its state is stored in snapshots
 * ({@link SnapshotState}): a change of its fields, or of {@link FiledRegistration}'s, needs a new {@code @Revision}.
 */
@Aggregate(repository = "opportunityRepository", commandTargetResolver = "commandRouting")
@Revision("2")
@SnapshotState
class Opportunity {

    /** The highest level of the review escalation ladder (3: arbitration committee). */
    static final int TOP_REVIEW_LEVEL = 3;

    @AggregateIdentifier
    private String opportunityId;
    private CustomerKey customerKey;
    private String productLine;
    private final Map<String, FiledRegistration> registrations = new LinkedHashMap<>();
    private String supportedRegistrationId;
    /** partner id → when it withdrew registrations here (the limit on withdraw-and-resubmit churn counts them). */
    private final Map<String, List<Instant>> withdrawals = new HashMap<>();
    /** SHA-256 of the customer preference documents staff recorded here. */
    private final Set<String> recordedEvidence = new HashSet<>();
    /** dispute id → the registration its ruling named as rightful (recorded by arbitration). */
    private final Map<String, String> rulings = new HashMap<>();
    /** flag id → a possible-dumping flag raised by a WON outcome here. */
    private final Map<String, DumpingFlag> dumpingFlags = new HashMap<>();

    Opportunity() {
        // for Axon
    }

    // ---------------------------------------------------------------- submission and withdrawal

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationAccepted handle(FileRegistration command, Clock clock, Policies policies, ChurnLimit churnLimit,
                                DeadlineManager deadlines) {
        if (registrations.containsKey(command.registrationId())) {
            throw new RuleViolation(CONFLICT, "REGISTRATION_ID_TAKEN",
                    "registration id " + command.registrationId() + " is already used");
        }
        Optional<FiledRegistration> ownActive = activeRegistrationOf(command.partnerId());
        if (ownActive.isPresent()) {
            throw new RuleViolation(CONFLICT, "ACTIVE_REGISTRATION_EXISTS",
                    "You already have an active registration for this opportunity.",
                    Map.of("registrationId", ownActive.get().registrationId()));
        }
        CustomerKey key = command.customer().key();
        Instant acceptedAt = clock.instant();
        PublishedPolicy policy = policies.version(command.policyVersion());
        requireResubmissionAllowed(command.partnerId(), acceptedAt, policy);
        requireUnderChurnLimit(command.partnerId(), acceptedAt, churnLimit);
        if (opportunityId == null) {
            apply(new OpportunityOpened(command.opportunityId(), key, command.productLine(), acceptedAt));
        }
        apply(new RegistrationSubmitted(opportunityId, command.registrationId(), command.partnerId(),
                registrations.size() + 1, command.customer(), key, command.productLine(), command.estimatedValue(),
                command.expectedCloseDate(), command.description(), acceptedAt, command.policyVersion()));
        startReviewClock(command.registrationId(), 1, acceptedAt, policy, deadlines);
        return new RegistrationAccepted(command.registrationId(), opportunityId, acceptedAt);
    }

    @CommandHandler
    void handle(WithdrawRegistration command, Clock clock, Policies policies, DeadlineManager deadlines) {
        FiledRegistration registration = ownedRegistration(command.registrationId(), command.partnerId());
        requireActive(registration, "withdrawn");
        Instant now = clock.instant();
        leaveCompetition(() -> apply(new RegistrationWithdrawn(opportunityId, registration.registrationId(),
                registration.partnerId(), command.reason(), now)), now, policies.inForce(), deadlines);
    }

    // ---------------------------------------------------------------- review

    /**
     * Protection days default to the partner tier's; staff may give fewer, never more. The discount may not exceed the
     * tier's maximum. Both limits come from the policy in force, whose version the approval records.
     */
    @CommandHandler
    ApproveRegistration.Result handle(ApproveRegistration command, Clock clock, Policies policies,
                                      PartnerDirectory partners, DeadlineManager deadlines) {
        FiledRegistration registration = registration(command.registrationId());
        PublishedPolicy policy = policies.inForce();
        PolicyDocument.TierRule tier = tierRuleOf(registration.partnerId(), partners, policy);
        if (command.discountPercent().compareTo(tier.maxDiscountPercent()) > 0) {
            throw RuleViolation.invalidField("discountPercent", "must not exceed the partner tier's maximum of "
                    + tier.maxDiscountPercent().toPlainString() + " %", "DISCOUNT_ABOVE_TIER_MAXIMUM");
        }
        int protectionDays = command.protectionDays() == null ? tier.protectionDays() : command.protectionDays();
        if (protectionDays > tier.protectionDays()) {
            throw RuleViolation.invalidField("protectionDays", "must not exceed the partner tier's "
                    + tier.protectionDays() + " days", "PROTECTION_ABOVE_TIER");
        }
        if (registration.status() != RegistrationStatus.SUBMITTED) {
            throw new RuleViolation(CONFLICT, "REGISTRATION_NOT_PENDING",
                    "Only a submitted registration can be approved; this one is " + registration.status() + ".");
        }
        if (command.rulingDisputeId() != null
                && !registration.registrationId().equals(rulings.get(command.rulingDisputeId()))) {
            throw new RuleViolation(CONFLICT, "RULING_NOT_APPLICABLE",
                    "Dispute " + command.rulingDisputeId() + " has no ruling naming this registration.");
        }
        Optional<FiledRegistration> earlier = earliestActiveAhead(registration);
        if (earlier.isPresent() && command.rulingDisputeId() == null) {
            throw new RuleViolation(CONFLICT, "EARLIER_REGISTRATION_EXISTS",
                    "An earlier active registration by another partner exists for this opportunity (registered at "
                            + earlier.get().acceptedAt() + "); approving this one needs an arbitration ruling.",
                    Map.of("earlierRegisteredAt", earlier.get().acceptedAt().toString()));
        }
        Instant now = clock.instant();
        Instant protectedUntil = now.plus(Duration.ofDays(protectionDays));
        apply(new RegistrationApproved(opportunityId, registration.registrationId(), registration.partnerId(),
                command.discountPercent(), protectionDays, protectedUntil, command.note(),
                command.rulingDisputeId(), now, policy.version()));
        deadlines.schedule(protectedUntil, ProtectionDeadline.NAME,
                new ProtectionDeadline(registration.registrationId(), protectedUntil));
        registrations.values().stream()
                .filter(r -> r.isActive() && r.position() > registration.position())
                .filter(r -> !r.isOwnedBy(registration.partnerId()))
                .toList()
                .forEach(later -> apply(new EarlierRegistrationNoticeIssued(opportunityId, later.registrationId(),
                        later.partnerId(), registration.acceptedAt(), now)));
        return new ApproveRegistration.Result(protectedUntil, policy.version());
    }

    @CommandHandler
    RejectRegistration.Result handle(RejectRegistration command, Clock clock, Policies policies,
                                     DeadlineManager deadlines) {
        if (command.reasonCode() == RejectionReason.OTHER && command.note() == null) {
            throw RuleViolation.invalidField("note", "is required when the reason code is OTHER", "NOTE_REQUIRED");
        }
        FiledRegistration registration = registration(command.registrationId());
        if (registration.status() != RegistrationStatus.SUBMITTED) {
            throw new RuleViolation(CONFLICT, "REGISTRATION_NOT_PENDING",
                    "Only a submitted registration can be rejected; this one is " + registration.status() + ".");
        }
        Instant earlierRegisteredAt = earliestActiveAhead(registration).map(FiledRegistration::acceptedAt).orElse(null);
        if (command.reasonCode() == RejectionReason.ALREADY_REGISTERED && earlierRegisteredAt == null) {
            throw new RuleViolation(CONFLICT, "NO_EARLIER_REGISTRATION",
                    "ALREADY_REGISTERED needs an earlier active registration by another partner; there is none.");
        }
        Instant now = clock.instant();
        Instant shownEarlier = command.reasonCode() == RejectionReason.ALREADY_REGISTERED ? earlierRegisteredAt : null;
        PublishedPolicy policy = policies.inForce();
        leaveCompetition(() -> apply(new RegistrationRejected(opportunityId, registration.registrationId(),
                        registration.partnerId(), command.reasonCode(), command.note(), shownEarlier, now,
                        policy.version())),
                now, policy, deadlines);
        return new RejectRegistration.Result(policy.version());
    }

    @DeadlineHandler(deadlineName = ReviewDeadline.NAME)
    void onReviewDeadline(ReviewDeadline deadline, Policies policies, DeadlineManager deadlines) {
        FiledRegistration registration = registrations.get(deadline.registrationId());
        boolean stale = registration == null || registration.status() != RegistrationStatus.SUBMITTED
                || registration.reviewLevel() != deadline.level()
                || !Objects.equals(registration.reviewDueAt(), deadline.dueAt());
        if (stale || deadline.level() >= TOP_REVIEW_LEVEL) {
            return;
        }
        PublishedPolicy policy = policies.inForce();
        int level = deadline.level() + 1;
        Instant dueAt = new BusinessDays(policy.policy().calendar())
                .add(deadline.dueAt(), policy.policy().reviewSlaBusinessDays());
        apply(new ReviewEscalated(opportunityId, registration.registrationId(), level, dueAt, deadline.dueAt(),
                policy.version()));
        deadlines.schedule(dueAt, ReviewDeadline.NAME, new ReviewDeadline(registration.registrationId(), level, dueAt));
    }

    // ---------------------------------------------------------------- protection

    @DeadlineHandler(deadlineName = ProtectionDeadline.NAME)
    void onProtectionDeadline(ProtectionDeadline deadline, Policies policies, DeadlineManager deadlines) {
        FiledRegistration registration = registrations.get(deadline.registrationId());
        if (registration == null || registration.status() != RegistrationStatus.APPROVED
                || !deadline.protectedUntil().equals(registration.protectedUntil())) {
            return; // decided, or extended since this deadline was set
        }
        leaveCompetition(() -> apply(new RegistrationExpired(opportunityId, registration.registrationId(),
                registration.partnerId(), deadline.protectedUntil())), deadline.protectedUntil(),
                policies.inForce(), deadlines);
    }

    @CommandHandler
    void handle(RequestExtension command, Clock clock, Policies policies, PartnerDirectory partners) {
        FiledRegistration registration = ownedRegistration(command.registrationId(), command.partnerId());
        partners.requireNotSuspended(command.partnerId(), "request extensions");
        Instant now = clock.instant();
        if (!registration.isProtectedAt(now)) {
            throw new RuleViolation(CONFLICT, "NOT_PROTECTED",
                    "Extensions can be requested only for an approved registration before its protection ends.");
        }
        if (registration.pendingExtensionId() != null) {
            throw new RuleViolation(CONFLICT, "EXTENSION_PENDING", "An extension request is already pending.",
                    Map.of("extensionRequestId", registration.pendingExtensionId()));
        }
        var rule = extensionRuleOf(registration.partnerId(), partners, policies.inForce());
        if (registration.extensionsGranted() >= rule.maxCount()) {
            throw new RuleViolation(CONFLICT, "EXTENSION_LIMIT_REACHED",
                    "The policy allows your tier " + rule.maxCount() + " extension(s); none is left.");
        }
        int days = command.days() == null ? rule.maxDays() : command.days();
        if (days < 1 || days > rule.maxDays()) {
            throw new RuleViolation(INVALID, "EXTENSION_TOO_LONG",
                    "An extension is 1 to " + rule.maxDays() + " days for your tier under the policy in force.");
        }
        apply(new ExtensionRequested(opportunityId, registration.registrationId(), command.extensionRequestId(),
                registration.partnerId(), command.reason(), days, now));
    }

    @CommandHandler
    Instant handle(DecideExtension command, Clock clock, Policies policies, DeadlineManager deadlines) {
        FiledRegistration registration = registration(command.registrationId());
        if (!command.extensionRequestId().equals(registration.pendingExtensionId())) {
            throw new RuleViolation(NOT_FOUND, "NOT_FOUND", "no pending extension request with this id");
        }
        Instant now = clock.instant();
        long policyVersion = policies.inForce().version();
        if (!command.grant()) {
            apply(new ExtensionRefused(opportunityId, registration.registrationId(), command.extensionRequestId(),
                    registration.partnerId(), command.note(), now, policyVersion));
            return registration.protectedUntil();
        }
        if (!registration.isProtectedAt(now)) {
            throw new RuleViolation(CONFLICT, "NOT_PROTECTED", "The registration's protection has already ended.");
        }
        Instant until = registration.protectedUntil().plus(Duration.ofDays(registration.pendingExtensionDays()));
        apply(new ExtensionGranted(opportunityId, registration.registrationId(), command.extensionRequestId(),
                registration.partnerId(), registration.pendingExtensionDays(), until, command.note(), now,
                policyVersion));
        deadlines.schedule(until, ProtectionDeadline.NAME, new ProtectionDeadline(registration.registrationId(), until));
        return until;
    }

    // ---------------------------------------------------------------- outcome

    @CommandHandler
    void handle(ReportOutcome command, Clock clock, Policies policies, PartnerDirectory partners,
                DeadlineManager deadlines) {
        boolean won = command.result() == ReportOutcome.Result.WON;
        if (won && command.finalValue() == null) {
            throw RuleViolation.invalidField("finalValue", "is required when the result is WON");
        }
        if (won && !Money.isIsoCurrency(command.finalValue().currency())) {
            throw RuleViolation.invalidField("finalValue.currency", "must be an ISO 4217 code");
        }
        if (!won && command.reason() == null) {
            throw RuleViolation.invalidField("reason", "is required when the result is LOST");
        }
        FiledRegistration registration = ownedRegistration(command.registrationId(), command.partnerId());
        partners.requireNotSuspended(command.partnerId(), "report outcomes");
        requireActive(registration, "closed");
        Instant now = clock.instant();
        if (won) {
            apply(new RegistrationWon(opportunityId, registration.registrationId(), registration.partnerId(),
                    command.finalValue(), now));
            PriceDumpingRules.check(opportunityId, productLine, registration, command.finalValue(),
                    policies.inForce(), now).ifPresent(AggregateLifecycle::apply);
        } else {
            leaveCompetition(() -> apply(new RegistrationLost(opportunityId, registration.registrationId(),
                    registration.partnerId(), command.reason(), now)), now, policies.inForce(), deadlines);
        }
    }

    // ---------------------------------------------------------------- possible dumping

    /** Marks the flag as taken to the dispute; the caller opens that dispute with the answered numbers. */
    @CommandHandler
    DisputeDumpingFlag.FlagFacts handle(DisputeDumpingFlag command, Clock clock) {
        DumpingFlag flag = openFlag(command.flagId());
        apply(new PossibleDumpingDisputed(opportunityId, flag.registrationId(), flag.flagId(), command.disputeId(),
                command.openedBy(), clock.instant()));
        return new DisputeDumpingFlag.FlagFacts(opportunityId, flag.registrationId(), flag.partnerId(),
                flag.registeredValue(), flag.finalValue(), flag.approvedDiscountPercent(),
                flag.impliedDiscountPercent());
    }

    @CommandHandler
    void handle(DismissDumpingFlag command, Clock clock) {
        DumpingFlag flag = openFlag(command.flagId());
        apply(new PossibleDumpingDismissed(opportunityId, flag.registrationId(), flag.flagId(), command.reason(),
                command.dismissedBy(), clock.instant()));
    }

    /** A flag is dismissed or taken to a dispute once, and never both. */
    private DumpingFlag openFlag(String flagId) {
        DumpingFlag flag = dumpingFlags.get(flagId);
        if (flag == null) {
            throw new RuleViolation(NOT_FOUND, "NOT_FOUND", "possible-dumping flag not found");
        }
        if (flag.disputeId() != null) {
            throw new RuleViolation(CONFLICT, "DUMPING_FLAG_ALREADY_DISPUTED",
                    "This flag was already taken to dispute " + flag.disputeId() + ".",
                    Map.of("disputeId", flag.disputeId()));
        }
        if (flag.dismissed()) {
            throw new RuleViolation(CONFLICT, "DUMPING_FLAG_DISMISSED", "This flag was dismissed.");
        }
        return flag;
    }

    // ---------------------------------------------------------------- arbitration

    /**
     * Records (or, on appeal, replaces) what a dispute's ruling named rightful here. A null registration after a
     * non-null one clears it: the ruling no longer lifts the first-to-register rule nor justifies a support move.
     */
    @CommandHandler
    void handle(RecordRuling command, Clock clock) {
        if (command.rightfulRegistrationId() != null) {
            registration(command.rightfulRegistrationId());
        }
        if (rulings.containsKey(command.disputeId())
                && Objects.equals(rulings.get(command.disputeId()), command.rightfulRegistrationId())) {
            return; // already recorded: effects are applied once
        }
        apply(new RulingRecorded(opportunityId, command.disputeId(), command.rightfulRegistrationId(),
                clock.instant()));
    }

    /**
     * The registration leaves the competition as an expiry would; vendor support it held stays where it is until
     * staff move it (the event says so), never silently.
     */
    @CommandHandler
    void handle(RevokeProtection command, Clock clock, Policies policies, DeadlineManager deadlines) {
        FiledRegistration registration = registration(command.registrationId());
        if (registration.status() != RegistrationStatus.APPROVED) {
            return; // already revoked, or no protection to lose: effects are applied once
        }
        Instant now = clock.instant();
        leaveCompetition(() -> apply(new RegistrationRevoked(opportunityId, registration.registrationId(),
                        registration.partnerId(), command.disputeId(), registration.protectedUntil(),
                        registration.registrationId().equals(supportedRegistrationId), now)),
                now, policies.inForce(), deadlines);
    }

    /**
     * Back to APPROVED with the former protection end while that is in the future (the expiry deadline set at
     * approval or extension still stands and applies again), otherwise EXPIRED.
     */
    @CommandHandler
    void handle(RestoreProtection command, Clock clock) {
        FiledRegistration registration = registration(command.registrationId());
        if (!registration.isRevokedBy(command.disputeId())) {
            return; // not revoked by this dispute, or already restored
        }
        Instant now = clock.instant();
        RegistrationStatus status = registration.protectedUntil() != null && now.isBefore(registration.protectedUntil())
                ? RegistrationStatus.APPROVED : RegistrationStatus.EXPIRED;
        apply(new RegistrationRevocationReversed(opportunityId, registration.registrationId(),
                registration.partnerId(), command.disputeId(), status, registration.protectedUntil(), now));
    }

    // ---------------------------------------------------------------- vendor support

    @CommandHandler
    ChangeSupport.Result handle(ChangeSupport command, Clock clock, Policies policies) {
        requireSupportFields(command);
        Instant now = clock.instant();
        long policyVersion = policies.inForce().version();
        switch (command.action()) {
            case GRANT -> grantSupport(command, now, policyVersion);
            case MOVE -> moveSupport(command, now, policyVersion);
            case WITHDRAW -> withdrawSupport(command, now, policyVersion);
        }
        return new ChangeSupport.Result(policyVersion);
    }

    @CommandHandler
    void handle(RecordSupportEvidence command, Clock clock) {
        String sha256 = command.evidenceSha256().toLowerCase(Locale.ROOT);
        String link = Links.httpUrlOrNull(command.link(), "link");
        if (recordedEvidence.contains(sha256)) {
            throw new RuleViolation(CONFLICT, "EVIDENCE_ALREADY_RECORDED",
                    "A document with this SHA-256 is already recorded on this opportunity.");
        }
        apply(new SupportEvidenceRecorded(opportunityId, sha256, command.name(), link, command.recordedBy(),
                clock.instant()));
    }

    /** The members each action and reason needs; a missing one is named. */
    private static void requireSupportFields(ChangeSupport command) {
        if (command.action() != ChangeSupport.Action.WITHDRAW && command.registrationId() == null) {
            throw RuleViolation.invalidField("registrationId", "is required for " + command.action());
        }
        if (command.reasonCode() == SupportReason.CUSTOMER_WRITTEN_PREFERENCE && command.evidenceSha256() == null) {
            throw RuleViolation.invalidField("evidenceSha256", "is required with CUSTOMER_WRITTEN_PREFERENCE");
        }
        if (command.reasonCode() == SupportReason.ARBITRATION_RULING && command.rulingDisputeId() == null) {
            throw RuleViolation.invalidField("rulingDisputeId", "is required with ARBITRATION_RULING");
        }
    }

    private void grantSupport(ChangeSupport command, Instant now, long policyVersion) {
        if (supportedRegistrationId != null) {
            throw new RuleViolation(CONFLICT, "SUPPORT_ALREADY_GRANTED",
                    "The vendor already supports a registration of this opportunity; use MOVE.",
                    Map.of("supportedRegistrationId", supportedRegistrationId));
        }
        FiledRegistration target = supportableTarget(command.registrationId());
        apply(new SupportGranted(opportunityId, target.registrationId(), target.partnerId(), command.note(), now,
                policyVersion));
    }

    private void moveSupport(ChangeSupport command, Instant now, long policyVersion) {
        FiledRegistration current = currentlySupported();
        if (command.registrationId().equals(current.registrationId())) {
            throw new RuleViolation(CONFLICT, "NO_CHANGE", "Support is already on this registration.");
        }
        requireJustifiedLeave(current, command.registrationId(), command, now);
        FiledRegistration target = supportableTarget(command.registrationId());
        apply(new SupportMoved(opportunityId, current.registrationId(), current.partnerId(), target.registrationId(),
                target.partnerId(), command.reasonCode(), command.rulingDisputeId(), evidenceOf(command),
                command.note(), now, policyVersion));
    }

    private void withdrawSupport(ChangeSupport command, Instant now, long policyVersion) {
        FiledRegistration current = currentlySupported();
        requireJustifiedLeave(current, null, command, now);
        apply(new SupportWithdrawn(opportunityId, current.registrationId(), current.partnerId(), command.reasonCode(),
                command.rulingDisputeId(), evidenceOf(command), command.note(), now, policyVersion));
    }

    /** Evidence hashes are recorded in lower case, however the sender spelled them. */
    private static String evidenceOf(ChangeSupport command) {
        return command.evidenceSha256() == null ? null : command.evidenceSha256().toLowerCase(Locale.ROOT);
    }

    /**
     * Support may leave a registration only for a reason that is true now. While it is protected, only an arbitration
     * ruling naming the new registration or the customer's written preference (with its evidence hash) justify it.
     */
    private void requireJustifiedLeave(FiledRegistration current, String targetId, ChangeSupport command, Instant now) {
        SupportReason reason = command.reasonCode();
        boolean isProtected = current.isProtectedAt(now);
        boolean justified;
        if (reason == null) {
            justified = !isProtected;
        } else {
            justified = switch (reason) {
                case ARBITRATION_RULING -> command.rulingDisputeId() != null && targetId != null
                        && targetId.equals(rulings.get(command.rulingDisputeId()));
                case CUSTOMER_WRITTEN_PREFERENCE -> requireRecorded(evidenceOf(command));
                case PARTNER_WITHDREW -> current.status() == RegistrationStatus.WITHDRAWN;
                case PROTECTION_EXPIRED -> !isProtected && current.status() != RegistrationStatus.WITHDRAWN;
            };
        }
        if (!justified) {
            throw new RuleViolation(CONFLICT, "SUPPORT_SWITCH_NOT_ALLOWED", isProtected
                    ? "The supported registration is protected; moving support needs an arbitration ruling naming the "
                    + "new registration or the customer's written preference with its evidence."
                    : "The reason given for moving support does not hold.");
        }
    }

    /** A customer preference is cited by a document staff recorded here first, never by a bare hash. */
    private boolean requireRecorded(String evidenceSha256) {
        if (!recordedEvidence.contains(evidenceSha256)) {
            throw new RuleViolation(CONFLICT, "EVIDENCE_NOT_RECORDED",
                    "The customer's written preference must be recorded on this opportunity before support moves for "
                            + "it (POST /api/v1/opportunities/{id}/support/evidence).");
        }
        return true;
    }

    private FiledRegistration currentlySupported() {
        if (supportedRegistrationId == null) {
            throw new RuleViolation(CONFLICT, "NO_SUPPORT", "The vendor supports no registration of this opportunity.");
        }
        return registrations.get(supportedRegistrationId);
    }

    private FiledRegistration supportableTarget(String registrationId) {
        FiledRegistration target = registration(registrationId);
        if (target.status() != RegistrationStatus.APPROVED) {
            throw new RuleViolation(CONFLICT, "REGISTRATION_NOT_APPROVED",
                    "Support can go only to an approved registration; this one is " + target.status() + ".");
        }
        return target;
    }

    // ---------------------------------------------------------------- shared rules

    /**
     * Applies the event that takes a registration out of the competition; if that puts a submitted registration at
     * the head of the line, it becomes reviewable with a fresh review clock.
     */
    private void leaveCompetition(Runnable applyLeavingEvent, Instant now, PublishedPolicy policy,
                                  DeadlineManager deadlines) {
        Optional<FiledRegistration> headBefore = firstActive();
        applyLeavingEvent.run();
        Optional<FiledRegistration> headAfter = firstActive();
        boolean newHead = headAfter.isPresent() && !headAfter.map(FiledRegistration::registrationId)
                .equals(headBefore.map(FiledRegistration::registrationId));
        if (newHead && headAfter.get().status() == RegistrationStatus.SUBMITTED) {
            FiledRegistration next = headAfter.get();
            Instant dueAt = reviewDue(now, policy);
            apply(new RegistrationBecameReviewable(opportunityId, next.registrationId(), next.partnerId(), dueAt, now,
                    policy.version()));
            deadlines.schedule(dueAt, ReviewDeadline.NAME, new ReviewDeadline(next.registrationId(), 1, dueAt));
        }
    }

    private void startReviewClock(String registrationId, int level, Instant from, PublishedPolicy policy,
                                  DeadlineManager deadlines) {
        Instant dueAt = reviewDue(from, policy);
        apply(new ReviewSlaStarted(opportunityId, registrationId, level, dueAt, from, policy.version()));
        deadlines.schedule(dueAt, ReviewDeadline.NAME, new ReviewDeadline(registrationId, level, dueAt));
    }

    /** The approval limits of the registration's partner under {@code policy}. */
    private static PolicyDocument.TierRule tierRuleOf(String partnerId, PartnerDirectory partners,
                                                      PublishedPolicy policy) {
        var partner = partners.find(partnerId).orElseThrow(() -> new RuleViolation(CONFLICT,
                "PARTNER_UNKNOWN", "The registration's partner is not in the partner registry."));
        PolicyDocument.TierRule rule = policy.policy().tiers().get(partner.tier().name());
        if (rule == null) {
            throw new RuleViolation(CONFLICT, "TIER_NOT_IN_POLICY",
                    "Policy version " + policy.version() + " has no rules for tier " + partner.tier() + ".");
        }
        return rule;
    }

    /** The extension limits of the registration's partner's tier under {@code policy} (else the policy-wide ones). */
    private static PolicyDocument.ExtensionRule extensionRuleOf(String partnerId, PartnerDirectory partners,
                                                                PublishedPolicy policy) {
        String tier = partners.find(partnerId).map(p -> p.tier().name()).orElse(null);
        return policy.policy().extensionFor(tier);
    }

    private static Instant reviewDue(Instant from, PublishedPolicy policy) {
        return new BusinessDays(policy.policy().calendar()).add(from, policy.policy().reviewSlaBusinessDays());
    }

    /**
     * A partner that withdrew here as often as the policy allows within 24 hours must wait before it registers again:
     * withdrawing and resubmitting in a loop would otherwise grow the stream without end.
     */
    private void requireResubmissionAllowed(String partnerId, Instant now, PublishedPolicy policy) {
        int allowed = policy.policy().limits().resubmissionsPerOpportunityPerDay();
        List<Instant> recent = withdrawals.getOrDefault(partnerId, List.of()).stream()
                .filter(at -> at.isAfter(now.minus(Duration.ofDays(1)))).sorted().toList();
        if (recent.size() >= allowed) {
            Instant availableAt = recent.get(recent.size() - allowed).plus(Duration.ofDays(1));
            throw new RuleViolation(CONFLICT, "RESUBMISSION_LIMIT_REACHED",
                    "You withdrew your registration of this opportunity " + recent.size() + " times within 24 hours; "
                            + "the policy allows " + allowed + ". You can register it again after " + availableAt + ".",
                    Map.of("availableAt", availableAt.toString()));
        }
    }

    /**
     * However its registrations ended, one partner registers one opportunity at most as often as the churn limit
     * allows: the stream, which every later command replays from its last snapshot, grows only so fast.
     */
    private void requireUnderChurnLimit(String partnerId, Instant now, ChurnLimit churnLimit) {
        List<Instant> acceptedAt = registrations.values().stream().filter(r -> r.isOwnedBy(partnerId))
                .map(FiledRegistration::acceptedAt).toList();
        churnLimit.nextAllowedAt(acceptedAt, now).ifPresent(availableAt -> {
            throw RuleViolation.tooManyRequests("REGISTRATION_CHURN_LIMIT",
                    "You registered this opportunity " + churnLimit.maxRegistrations() + " times within "
                            + churnLimit.windowText() + ", as often as allowed. You can register it again after "
                            + availableAt + ".",
                    Map.of("availableAt", availableAt.toString()), Duration.between(now, availableAt));
        });
    }

    private Optional<FiledRegistration> firstActive() {
        return registrations.values().stream().filter(FiledRegistration::isActive)
                .min(Comparator.comparingInt(FiledRegistration::position));
    }

    private Optional<FiledRegistration> earliestActiveAhead(FiledRegistration registration) {
        return registrations.values().stream()
                .filter(r -> r.isActive() && r.position() < registration.position()
                        && !r.isOwnedBy(registration.partnerId()))
                .min(Comparator.comparingInt(FiledRegistration::position));
    }

    private Optional<FiledRegistration> activeRegistrationOf(String partnerId) {
        return registrations.values().stream().filter(r -> r.isOwnedBy(partnerId) && r.isActive()).findFirst();
    }

    private FiledRegistration registration(String registrationId) {
        FiledRegistration registration = registrations.get(registrationId);
        if (registration == null) {
            throw new RuleViolation(NOT_FOUND, "NOT_FOUND", "registration not found");
        }
        return registration;
    }

    /** "Not yours" and "not found" must look the same to a partner. */
    private FiledRegistration ownedRegistration(String registrationId, String partnerId) {
        FiledRegistration registration = registrations.get(registrationId);
        if (registration == null || !registration.isOwnedBy(partnerId)) {
            throw new RuleViolation(NOT_FOUND, "NOT_FOUND", "registration not found");
        }
        return registration;
    }

    private static void requireActive(FiledRegistration registration, String action) {
        if (!registration.isActive()) {
            throw new RuleViolation(CONFLICT, "REGISTRATION_NOT_ACTIVE",
                    "The registration is " + registration.status() + " and can no longer be " + action + ".");
        }
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(OpportunityOpened event) {
        opportunityId = event.opportunityId();
        customerKey = event.customerKey();
        productLine = event.productLine();
    }

    @EventSourcingHandler
    void on(RegistrationSubmitted event) {
        registrations.put(event.registrationId(), FiledRegistration.submitted(event.registrationId(),
                event.partnerId(), event.position(), event.acceptedAt(), event.estimatedValue()));
    }

    @EventSourcingHandler
    void on(ReviewSlaStarted event) {
        change(event.registrationId(), r -> r.withReview(event.level(), event.reviewDueAt()));
    }

    @EventSourcingHandler
    void on(ReviewEscalated event) {
        change(event.registrationId(), r -> r.withReview(event.level(), event.reviewDueAt()));
    }

    @EventSourcingHandler
    void on(RegistrationBecameReviewable event) {
        change(event.registrationId(), r -> r.withReview(1, event.reviewDueAt()));
    }

    @EventSourcingHandler
    void on(RegistrationApproved event) {
        change(event.registrationId(), r -> r.approvedUntil(event.protectedUntil(), event.discountPercent()));
    }

    @EventSourcingHandler
    void on(RegistrationRejected event) {
        change(event.registrationId(), r -> r.withStatus(RegistrationStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(RegistrationWithdrawn event) {
        change(event.registrationId(), r -> r.withStatus(RegistrationStatus.WITHDRAWN));
        withdrawals.computeIfAbsent(event.partnerId(), p -> new ArrayList<>()).add(event.withdrawnAt());
    }

    @EventSourcingHandler
    void on(RegistrationExpired event) {
        change(event.registrationId(), r -> r.withStatus(RegistrationStatus.EXPIRED));
    }

    @EventSourcingHandler
    void on(RegistrationRevoked event) {
        change(event.registrationId(), r -> r.revokedBy(event.disputeId()));
    }

    @EventSourcingHandler
    void on(RegistrationRevocationReversed event) {
        change(event.registrationId(), r -> r.restoredTo(event.status()));
    }

    @EventSourcingHandler
    void on(ExtensionRequested event) {
        change(event.registrationId(), r -> r.withPendingExtension(event.extensionRequestId(), event.days()));
    }

    @EventSourcingHandler
    void on(ExtensionGranted event) {
        change(event.registrationId(), r -> r.extendedUntil(event.protectedUntil()));
    }

    @EventSourcingHandler
    void on(ExtensionRefused event) {
        change(event.registrationId(), FiledRegistration::withoutPendingExtension);
    }

    @EventSourcingHandler
    void on(RegistrationWon event) {
        change(event.registrationId(), r -> r.withStatus(RegistrationStatus.WON));
    }

    @EventSourcingHandler
    void on(RegistrationLost event) {
        change(event.registrationId(), r -> r.withStatus(RegistrationStatus.LOST));
    }

    @EventSourcingHandler
    void on(SupportGranted event) {
        supportedRegistrationId = event.registrationId();
    }

    @EventSourcingHandler
    void on(SupportMoved event) {
        supportedRegistrationId = event.toRegistrationId();
    }

    @EventSourcingHandler
    void on(SupportWithdrawn event) {
        supportedRegistrationId = null;
    }

    @EventSourcingHandler
    void on(SupportEvidenceRecorded event) {
        recordedEvidence.add(event.evidenceSha256());
    }

    @EventSourcingHandler
    void on(RulingRecorded event) {
        rulings.put(event.disputeId(), event.rightfulRegistrationId());
    }

    @EventSourcingHandler
    void on(PossibleDumpingFlagged event) {
        dumpingFlags.put(event.flagId(), new DumpingFlag(event.flagId(), event.registrationId(), event.partnerId(),
                event.registeredValue(), event.finalValue(), event.approvedDiscountPercent(),
                event.impliedDiscountPercent(), null, false));
    }

    @EventSourcingHandler
    void on(PossibleDumpingDisputed event) {
        dumpingFlags.computeIfPresent(event.flagId(), (id, flag) -> flag.disputedIn(event.disputeId()));
    }

    @EventSourcingHandler
    void on(PossibleDumpingDismissed event) {
        dumpingFlags.computeIfPresent(event.flagId(), (id, flag) -> flag.dismiss());
    }

    private void change(String registrationId, java.util.function.UnaryOperator<FiledRegistration> transition) {
        registrations.computeIfPresent(registrationId, (id, r) -> transition.apply(r));
    }
}
