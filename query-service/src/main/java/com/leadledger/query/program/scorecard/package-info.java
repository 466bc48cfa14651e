/**
 * The partner's scorecard: {@code GET /api/v1/partners/{partnerId}/scorecard} assembles every
 * {@link com.leadledger.query.program.ScorecardSection} bean as of an instant (tier, points, rebates, the
 * early-registration indicator, ...), for the partner itself, staff and auditors. See docs/program.md.
 */
package com.leadledger.query.program.scorecard;
