package com.leadledger.events.program;

/** How a partner qualifies for a tier of the program. */
public sealed interface TierEvent extends ProgramEvent permits TierQualificationEvaluated, SpecialistCertified,
        SpecialistCertificationWithdrawn {
}
