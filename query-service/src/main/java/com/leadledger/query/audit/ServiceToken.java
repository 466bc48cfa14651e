package com.leadledger.query.audit;

/** The bearer token the query service shows the command side's audit endpoints (role AUDITOR). */
interface ServiceToken {

    String bearer();
}
