/**
 * Published policy versions: one entry per publication in policy_view,
 * kept so that decisions can be read next to the rules they applied.
 */
package com.leadledger.query.policy;
