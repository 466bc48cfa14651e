/**
 * Fairness reports (conflicts, decisions, disputes, support moves, partners) computed from the event log as of an
 * instant: a fold of every stored event up to {@code asOf} into facts, then pure functions over those facts. Figures
 * are defined in docs/reports.md.
 */
package com.leadledger.query.report;
