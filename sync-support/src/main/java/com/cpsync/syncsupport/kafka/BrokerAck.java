package com.cpsync.syncsupport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waits for the broker to acknowledge sends: effects are durable before an offset is committed. */
public final class BrokerAck {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BrokerAck() {
    }

    /** Returns once every send is acknowledged; a {@link KafkaSendFailedException} otherwise. */
    public static void await(List<? extends CompletableFuture<?>> sends) {
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
    }

    /**
     * Sends and returns once the send is acknowledged; a {@link KafkaSendFailedException} naming the root cause
     * otherwise, also when the send fails before it returns (a producer whose send failed at once: Spring's
     * {@code KafkaTemplate} then throws its own {@code KafkaException}).
     */
    public static void sendAndAwait(Supplier<? extends CompletableFuture<?>> send) {
        CompletableFuture<?> sent;
        try {
            sent = send.get();
        }
        catch (KafkaSendFailedException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new KafkaSendFailedException("publishing to Kafka failed: " + rootCause(ex).getMessage(), ex);
        }
        await(sent);
    }

    /** Returns once the send is acknowledged; a {@link KafkaSendFailedException} naming the root cause otherwise. */
    public static void await(CompletableFuture<?> send) {
        try {
            send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaSendFailedException("interrupted while publishing", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KafkaSendFailedException("publishing to Kafka failed: " + rootCause(ex).getMessage(), ex);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
