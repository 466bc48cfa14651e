/**
 * The partner program in the console: a partner's scorecard as of an instant, read from the query service under the
 * user's token (the partner its own, staff and auditors any partner's).
 */
package com.leadledger.console.program;
