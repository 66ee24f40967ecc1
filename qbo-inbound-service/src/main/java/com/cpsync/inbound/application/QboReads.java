package com.cpsync.inbound.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The metered QBO reads this service makes, through the realm's rate limiter. */
public interface QboReads {

    /** One entity as JSON; empty when QBO no longer has it (610). */
    Optional<String> read(Connection connection, String entityName, String id);

    /** One CDC call over the given entity names. */
    CdcPage cdc(Connection connection, Collection<String> entityNames, Instant changedSince);

    /** A CDC response: every changed object (deleted ones as stubs) and QBO's response time. */
    record CdcPage(Instant time, List<CdcObject> objects) {
    }

    record CdcObject(String entityName, String id, String json, boolean deleted, Instant lastUpdated,
            Instant createdAt) {
    }
}
