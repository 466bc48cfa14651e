package com.leadledger.query.program.scorecard;

import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.program.ScorecardSection;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner's scorecard as of an instant: the partner (onboarded at or before the instant, else not found), the
 * policy version in force then (the last one stored at or before it), and every scorecard part under its name, in
 * name order. Works with whatever parts are deployed; a part's name may not repeat or shadow a fixed field.
 */
@Component
class Scorecard {

    /** The fields every scorecard has; no part may be named like one. */
    static final List<String> FIXED_FIELDS = List.of("partnerId", "asOf", "policyVersion");


    private final EventHistory history;
    private final List<ScorecardSection> sections;

    Scorecard(EventHistory history, List<ScorecardSection> sections) {
        this.history = history;
        this.sections = ordered(sections);
    }

    /** The partner's scorecard as of the instant; an unknown partner (as of then) is not found. */
    Map<String, Object> of(String partnerId, Instant asOf) {
        boolean onboarded = history.asOf(partnerId, asOf).stream()
                .anyMatch(step -> step.event() instanceof PartnerOnboarded e && e.partnerId().equals(partnerId));
        if (!onboarded) {
            throw RuleViolation.notFound("partner");
        }
        return assemble(partnerId, asOf, policyVersionAt(asOf), sections);
    }

    /** The version of the policy in force at the instant: the last one published at or before it; null if none. */
    Long policyVersionAt(Instant asOf) {
        return history.policyInForceAt(asOf).map(PolicyPublished::version).orElse(null);
    }

    /** The answer: the fixed fields, then each part under its name, in the order given. */
    static Map<String, Object> assemble(String partnerId, Instant asOf, Long policyVersion,
                                       List<ScorecardSection> sections) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("partnerId", partnerId);
        answer.put("asOf", asOf);
        answer.put("policyVersion", policyVersion);
        for (ScorecardSection section : sections) {
            answer.put(section.name(), section.of(partnerId, asOf));
        }
        return answer;
    }

    /** The parts in name order; a repeated name or one of the fixed fields is a deployment error. */
    static List<ScorecardSection> ordered(List<ScorecardSection> sections) {
        Set<String> names = new HashSet<>(FIXED_FIELDS);
        for (ScorecardSection section : sections) {
            if (section.name() == null || section.name().isBlank() || !names.add(section.name())) {
                throw new IllegalStateException("scorecard part name '" + section.name()
                        + "' is blank, repeated or one of " + FIXED_FIELDS + " (" + section.getClass().getName() + ")");
            }
        }
        return sections.stream().sorted(Comparator.comparing(ScorecardSection::name)).toList();
    }
}
