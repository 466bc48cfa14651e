package com.leadledger.query.ingest;

/** Parks a record the ingest cannot apply, so that it is kept, visible and retryable instead of skipped. */
public interface RecordParking {

    void park(IngestSource source, Throwable failure);
}
