/**
 * Notices: what a partner was told about its own registrations, added by pure rules per event (Notice.PROJECTOR),
 * their table notice and the partner's notice endpoint.
 */
package com.leadledger.query.notice;
