/**
 * Partners of the channel program: the partner view with its transitions, its table partner_view,
 * and the partner endpoints for staff and auditors.
 */
package com.leadledger.query.partner;
