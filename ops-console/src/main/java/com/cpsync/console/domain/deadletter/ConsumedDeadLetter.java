package com.cpsync.console.domain.deadletter;

import java.time.Instant;
import java.util.List;

import com.cpsync.console.domain.outcome.TopicPosition;

/** A record read from a dead-letter topic, exactly as it is there: the original key, value and headers. */
public record ConsumedDeadLetter(TopicPosition position, byte[] key, byte[] value, List<Header> headers,
                                 Instant deadLetteredAt) {

    public ConsumedDeadLetter {
        headers = List.copyOf(headers);
    }
}
