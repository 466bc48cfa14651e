package com.leadledger.command.program.rebate;

/** Close a rebate period: accrue the rebate of every partner that won deals in it and has none for it yet. */
public record CloseRebatePeriod(String period) {

    /** What a close did: the partners it accrued a rebate for now, and those that had one already. */
    public record Closed(String period, java.util.List<String> accrued, java.util.List<String> alreadyAccrued) {
    }
}
