package com.cpsync.console.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.console.domain.deadletter.ConsumedDeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetterFacts;
import com.cpsync.console.domain.deadletter.DeadLetterRecord;

/** Dead letters with their bytes, and the record of which were replayed. */
public interface DeadLetterStore {

    /** Stores a dead letter once per topic position: a redelivered record changes nothing. */
    void add(ConsumedDeadLetter record, DeadLetterFacts facts, String payloadSummary);

    /** Newest first; {@code tenantId} null lists every tenant's. */
    List<DeadLetter> list(String tenantId, int limit);

    Optional<DeadLetterRecord> find(long id);

    /** Marks the dead letter as being replayed by {@code actor}; false when someone already did. */
    boolean claimReplay(long id, String actor, Instant at);

    void replayed(long id, Instant at);

    /** Gives a claim back after the replay could not be sent. */
    void releaseClaim(long id);

    int deleteBefore(Instant cutoff);
}
