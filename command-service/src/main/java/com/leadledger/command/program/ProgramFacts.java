package com.leadledger.command.program;

import com.leadledger.events.common.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the partner program's rules read about a partner's deals: its registrations with their expected close, and
 * the ones it won with their final value. Intervals are half-open, {@code [from, to)}.
 */
public interface ProgramFacts {

    /** A registration as the program counts it; {@code wonValue} and {@code wonAt} are null until it is won. */
    record Deal(String registrationId, String partnerId, String productLine, LocalDate expectedCloseDate,
                Instant submittedAt, Money wonValue, Instant wonAt) {
    }

    /** The partner's registrations submitted in the interval, oldest first. */
    List<Deal> submittedBy(String partnerId, Instant from, Instant to);

    /** The partner's registrations won in the interval, earliest win first. */
    List<Deal> wonBy(String partnerId, Instant from, Instant to);
}
