package com.cpsync.inbound.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.cpsync.inbound.domain.change.QboEntity;

/** The metered QBO reads this service makes, through the realm's rate limiter. */
public interface QboReads {

    /** One entity as JSON; empty when QBO no longer has it (610). */
    Optional<String> read(Connection connection, QboEntity entity, String id);

    /** One CDC call over the given entities. */
    CdcPage cdc(Connection connection, Collection<QboEntity> entities, Instant changedSince);

    /** A CDC response: every changed object (deleted ones as stubs) and QBO's response time. */
    record CdcPage(Instant time, List<CdcObject> objects) {
    }

    record CdcObject(QboEntity entity, String id, String json, boolean deleted, Instant lastUpdated,
            Instant createdAt) {
    }
}
