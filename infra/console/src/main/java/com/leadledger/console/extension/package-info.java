/** Channel staff's queue of extension requests awaiting a decision: grant or refuse each. */
package com.leadledger.console.extension;
