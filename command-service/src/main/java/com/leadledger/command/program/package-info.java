/**
 * The partner program: what its rules read about a partner's deals ({@link com.leadledger.command.program.ProgramFacts},
 * kept in the {@code program_deal} view with the events) and the figures of a tier qualification run; the points
 * ledger and the rebates in the sub-packages. Tiers, certifications and tier proposals live on the Partner aggregate.
 */
package com.leadledger.command.program;
