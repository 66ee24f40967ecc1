package com.cpsync.console.adapter.out.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the broker's ack of a send the console's action depends on; what it did not take is an exception. */
final class BrokerAcks {

    private static final long ACK_TIMEOUT_SECONDS = 15;

    private BrokerAcks() {
    }

    /** @param what how the message names the send, e.g. "the replay to centerpoint.events.v1" */
    static void await(CompletableFuture<?> send, String what) {
        try {
            send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + what, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the broker did not take " + what + ": "
                    + (ex.getCause() == null ? ex : ex.getCause()).getMessage(), ex);
        }
    }
}
