/**
 * Receipts: signing each accepted registration's receipt with the vendor's key ring (infra/integrity) and publishing
 * the public keys, current and retired, so partners can verify receipts offline.
 */
package com.leadledger.command.audit;
