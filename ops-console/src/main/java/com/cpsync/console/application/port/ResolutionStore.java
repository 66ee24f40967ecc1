package com.cpsync.console.application.port;

import java.time.Instant;
import java.util.Optional;

import com.cpsync.console.domain.conflict.ConflictResolutionCommand;

/** Resolutions asked for, at most one per held CONFLICT outcome: the claim that makes a second click harmless. */
public interface ResolutionStore {

    /** Stores the resolution unless its conflict has one already; true when this call stored it. */
    boolean claim(ConflictResolutionCommand command);

    /** The resolution of this held outcome (the console's outcome id), if one was claimed. */
    Optional<ConflictResolutionCommand> ofConflict(long conflictRowId);

    /** The broker did not take it: the conflict may be resolved again. */
    void release(String resolutionId);

    void sent(String resolutionId, Instant at);
}
