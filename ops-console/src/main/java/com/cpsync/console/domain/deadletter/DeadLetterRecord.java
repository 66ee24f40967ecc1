package com.cpsync.console.domain.deadletter;

import java.util.List;

/** A stored dead letter with the bytes a replay sends back. */
public record DeadLetterRecord(DeadLetter letter, byte[] key, byte[] value, List<Header> headers) {

    public DeadLetterRecord {
        headers = List.copyOf(headers);
    }
}
