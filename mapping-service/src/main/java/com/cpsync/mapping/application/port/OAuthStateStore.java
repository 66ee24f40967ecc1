package com.cpsync.mapping.application.port;

import java.time.Instant;
import java.util.Optional;

/** OAuth {@code state} values in flight, each bound to the tenant that started the flow. */
public interface OAuthStateStore {

    record PendingState(String tenantId, Instant createdAt) {
    }

    void save(String state, String tenantId, Instant createdAt);

    /** Consumes the state: a second callback with the same state finds nothing. */
    Optional<PendingState> take(String state);

    /** @return how many abandoned states were dropped */
    int deleteOlderThan(Instant cutoff);
}
