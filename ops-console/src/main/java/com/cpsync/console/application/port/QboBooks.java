package com.cpsync.console.application.port;

import java.util.List;

import com.cpsync.console.domain.reconciliation.QboRecord;

/** QBO's side of a tenant's books, read at low priority within the realm's shared budget. */
public interface QboBooks {

    /** Every customer (inactive ones too), invoice and payment of the tenant's realm, with the metered reads it took. */
    Read read(String tenantId);

    /** What the queries returned, the realm and how many metered reads they cost. */
    record Read(String realmId, List<QboRecord> records, int meteredReads) {
    }
}
