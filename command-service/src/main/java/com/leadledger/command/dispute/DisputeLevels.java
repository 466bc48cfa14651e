package com.leadledger.command.dispute;

import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.policy.BusinessDays;
import com.leadledger.kit.domain.Role;

import java.time.Instant;
import java.util.List;

/**
 * The arbitration ladder: who decides at which level, and each level's SLA in business days of the policy's calendar
 * (policy {@code disputeSlaBusinessDays}: level 1, 2, 3).
 */
final class DisputeLevels {

    /** The highest level (arbitration committee); appeals from it are heard by a new committee panel. */
    static final int TOP_LEVEL = 3;

    private DisputeLevels() {
    }

    /** The only role that may rule at {@code level}: 1 channel manager, 2 channel director, 3 committee. */
    static Role deciderOf(int level) {
        return switch (level) {
            case 1 -> Role.CHANNEL_MANAGER;
            case 2 -> Role.CHANNEL_DIRECTOR;
            default -> Role.ARBITRATION_COMMITTEE;
        };
    }

    /** When a level's SLA started at {@code from} is due. */
    static Instant slaDue(Instant from, int level, PublishedPolicy policy) {
        List<Integer> days = policy.policy().disputeSlaBusinessDays();
        int businessDays = days.get(Math.min(level, days.size()) - 1);
        return new BusinessDays(policy.policy().calendar()).add(from, businessDays);
    }
}
