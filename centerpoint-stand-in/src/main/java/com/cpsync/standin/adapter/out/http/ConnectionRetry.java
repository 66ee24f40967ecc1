package com.cpsync.standin.adapter.out.http;

import java.util.function.Consumer;

import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import com.cpsync.standin.config.StandInProperties.ConnectRetry;

/**
 * When a connection flow is tried again: only after a transient failure (a refused connection, no
 * answer in time, a 5xx), with bounded exponential backoff and no jitter, so the waits are known.
 * The whole flow is tried again, not the hop: a fresh authorize gives a fresh OAuth state.
 */
final class ConnectionRetry {

    private ConnectionRetry() {
    }

    static RetryBackoffSpec policy(ConnectRetry settings, Consumer<Retry.RetrySignal> beforeRetry) {
        return Retry.backoff(settings.maxAttempts() - 1L, settings.firstBackoff())
                .maxBackoff(settings.maxBackoff())
                .jitter(0)
                .filter(failure -> failure instanceof ConnectionFailedException && ((ConnectionFailedException) failure).isTransient())
                .doBeforeRetry(beforeRetry)
                .onRetryExhaustedThrow((spec, signal) ->
                        ((ConnectionFailedException) signal.failure()).afterAttempts(signal.totalRetries() + 1));
    }
}
