package com.cpsync.console.application.port;

import com.cpsync.console.domain.deadletter.Replay;

/** Sends a replay to its topic and returns once the broker has it (throws when it could not). */
public interface Republisher {

    void send(Replay replay);
}
