/**
 * The partner registry: onboarding, tier, authorized product lines, suspension and penalty points; the read-only
 * {@link com.leadledger.command.partner.PartnerDirectory} other slices' rules consult.
 */
package com.leadledger.command.partner;
