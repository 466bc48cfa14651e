/**
 * Rebuilds every projection from event_log into shadow tables while reads go on, then swaps them in at once;
 * the admin endpoints to start one and follow its progress.
 */
package com.leadledger.query.rebuild;
