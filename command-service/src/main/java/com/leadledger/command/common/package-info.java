/**
 * What every command-side slice shares: the audit metadata of commands and events, ids, optional texts, links, and
 * the routing of commands addressed by registration id. No slice's rules live here.
 */
package com.leadledger.command.common;
