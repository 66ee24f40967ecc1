package com.cpsync.inbound.application;

import com.cpsync.inbound.domain.change.EntityChange;

/** One record of {@code qbo.changes.v1} as the listener read it: the change it carries, or why it carries none. */
public sealed interface ConsumedRecord {

    record Change(EntityChange change) implements ConsumedRecord {
    }

    /** Poison: not a readable change (not Avro, another type, an entity QBO does not have). */
    record Unreadable(String reason) implements ConsumedRecord {
    }
}
