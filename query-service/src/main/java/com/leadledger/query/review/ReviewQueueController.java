package com.leadledger.query.review;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import com.leadledger.query.registration.RegistrationView;
import com.leadledger.query.registration.RegistrationViewRepository.DuplicateCandidate;
import com.leadledger.query.registration.RegistrationViewRepository.PendingReview;
import com.leadledger.query.registration.RegistrationViewRepository;
import com.leadledger.query.review.DuplicateRules.Party;
import com.leadledger.query.review.ReviewQueueItem.PossibleDuplicate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registrations awaiting review, oldest first: channel managers, directors and the arbitration committee only (see
 * SecurityConfig).
 */
@Tag(name = "review")
@RestController
@RequestMapping("/api/v1/review-queue")
class ReviewQueueController {

    /** At most this many possible duplicates are listed per item, the most similar first. */
    static final int MAX_DUPLICATES = 20;

    private static final Comparator<PossibleDuplicate> MOST_SIMILAR_FIRST = Comparator
            .comparingDouble(PossibleDuplicate::score).reversed()
            .thenComparing(PossibleDuplicate::registrationId);

    private final RegistrationViewRepository registrations;
    private final Clock clock;

    ReviewQueueController(RegistrationViewRepository registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    @Operation(operationId = "reviewQueue", summary = "Read the review queue",
            description = "Pending registrations, oldest first, with SLA due time, level, position, whether an "
                    + "earlier active registration exists, and possible duplicates. Role: CHANNEL_MANAGER, "
                    + "CHANNEL_DIRECTOR, ARBITRATION_COMMITTEE.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<ReviewQueueItem> list(@RequestParam(required = false) Integer level,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        if (level != null && (level < 1 || level > 3)) {
            throw RuleViolation.invalidField("level", "must be 1, 2 or 3");
        }
        PageRequestParams paging = PageRequestParams.of(page, size);
        List<PendingReview> pending = registrations.pendingReview(level, paging.offset(), paging.size());
        Map<String, List<PossibleDuplicate>> duplicates = duplicatesOf(pending);
        Instant now = clock.instant();
        List<ReviewQueueItem> items = pending.stream().map(p -> {
            RegistrationView r = p.registration();
            return new ReviewQueueItem(r.registrationId(), r.opportunityId(), r.partnerId(), r.customer(),
                    r.customerKey(), r.productLine(), r.estimatedValue(), r.acceptedAt(), r.position(),
                    r.reviewLevel(), r.reviewDueAt(), r.reviewDueAt() != null && r.reviewDueAt().isBefore(now),
                    p.earlierActiveExists(), duplicates.getOrDefault(r.registrationId(), List.of()));
        }).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), registrations.countPendingReview(level));
    }

    /** One query for the whole page: the SQL pre-selects, {@link DuplicateRules} decides and scores. */
    private Map<String, List<PossibleDuplicate>> duplicatesOf(List<PendingReview> pending) {
        Map<String, PendingReview> subjects = new LinkedHashMap<>();
        pending.forEach(p -> subjects.put(p.registration().registrationId(), p));
        Map<String, List<PossibleDuplicate>> found = new LinkedHashMap<>();
        for (DuplicateCandidate c : registrations.duplicateCandidates(subjects.keySet(),
                DuplicateRules.PRESELECTION_TRIGRAM_SIMILARITY)) {
            RegistrationView s = subjects.get(c.subjectId()).registration();
            Party subject = new Party(s.registrationId(), s.customerKey(), s.customer().domain(),
                    subjects.get(c.subjectId()).normalizedName());
            Party other = new Party(c.registrationId(), c.customerKey(), c.domain(), c.normalizedName());
            DuplicateRules.match(subject, other).ifPresent(m -> found
                    .computeIfAbsent(s.registrationId(), id -> new ArrayList<>())
                    .add(new PossibleDuplicate(c.registrationId(), c.opportunityId(), c.partnerId(), c.customerKey(),
                            c.legalName(), c.productLine(), c.status(), m.score(), m.reason())));
        }
        found.replaceAll((id, list) -> list.stream().sorted(MOST_SIMILAR_FIRST).limit(MAX_DUPLICATES).toList());
        return found;
    }
}
