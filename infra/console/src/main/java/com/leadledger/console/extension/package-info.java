/**
 * Extensions of a registration's protection: the partner's request from its registration, and channel staff's queue
 * of the requests awaiting a decision, where each is granted or refused.
 */
package com.leadledger.console.extension;
