/**
 * Opportunities and vendor support: the opportunity view and the support history with their transitions and
 * tables, and the ranking endpoint (the ranking is read through the registration slice).
 */
package com.leadledger.query.opportunity;
