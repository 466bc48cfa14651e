package com.leadledger.command.dispute;

import java.time.Instant;

/**
 * What a ruling answers: the level that decided, whether it decided an appeal, until when it can be appealed, and
 * the policy version it applied.
 */
public record RulingMade(int level, boolean appeal, Instant appealableUntil, long policyVersion) {
}
