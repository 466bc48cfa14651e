package com.leadledger.events.program;

/** The rebates a partner accrues on its won volume. */
public sealed interface RebateEvent extends ProgramEvent permits RebateAccrued {
}
