/**
 * Registrations: the registration view with its transitions, its table registration_view (a JSON document
 * with typed filter columns) and every query on it, and the registration endpoints with their access rules.
 */
package com.leadledger.query.registration;
