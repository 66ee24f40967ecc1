package com.cpsync.console.application;

import java.util.ArrayList;
import java.util.List;

/** A broker for the console's senders: keeps what it is sent, or refuses it while {@link #refuseWith} is set. */
final class InMemoryBroker<T> {

    final List<T> sent = new ArrayList<>();
    RuntimeException refuseWith;

    void send(T message) {
        if (refuseWith != null) {
            throw refuseWith;
        }
        sent.add(message);
    }
}
