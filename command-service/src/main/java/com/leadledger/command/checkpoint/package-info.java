/**
 * Merkle checkpoints over the whole event store (infra/integrity): sealing settled ranges on a schedule, one writer
 * across instances, and the auditors' endpoints for checkpoints and stream heads.
 */
package com.leadledger.command.checkpoint;
