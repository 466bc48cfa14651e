package com.leadledger.command.dispute;

import java.time.Instant;

/** What a ruling answers: the level that decided, whether it decided an appeal, and until when it can be appealed. */
public record RulingMade(int level, boolean appeal, Instant appealableUntil) {
}
