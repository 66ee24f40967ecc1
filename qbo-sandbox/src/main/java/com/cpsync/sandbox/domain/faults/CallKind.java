package com.cpsync.sandbox.domain.faults;

/** What an API call is, for the stats (Intuit meters reads; writes are free) and for the write-only faults. */
public enum CallKind {
    READ, WRITE, BATCH;

    /** Writes and batches change the books: only their replies can be lost or late after being applied. */
    public boolean changesBooks() {
        return this != READ;
    }
}
