/**
 * The read side's one mechanism: a Projector maps events to pure transitions of an immutable view, a
 * ViewProjection writes its table; the same transitions serve live projection, rebuild and as-of folds.
 */
package com.leadledger.query.projection;
