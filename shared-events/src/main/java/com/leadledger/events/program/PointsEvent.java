package com.leadledger.events.program;

/** What happens to a partner's points: awards, expiries and redemptions. */
public sealed interface PointsEvent extends ProgramEvent permits PointsAwarded, PointsExpired, PointsRedeemed {
}
