package com.cpsync.standin.adapter.out.http;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.cpsync.standin.config.StandInProperties.ConnectRetry;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionRetryTest {

    private final ConnectRetry settings = new ConnectRetry(4, Duration.ofMillis(250), Duration.ofMillis(600));
    private final AtomicInteger attempts = new AtomicInteger();

    private Mono<String> flowFailingFirst(int failures, ConnectionFailedException failure) {
        return Mono.defer(() -> attempts.incrementAndGet() <= failures ? Mono.<String>error(failure) : Mono.just("CONNECTED"))
                .retryWhen(ConnectionRetry.policy(settings, signal -> { }));
    }

    private static ConnectionFailedException refused() {
        return ConnectionFailedException.unreachable("mapping-service authorize", new ConnectException());
    }

    @Test
    void shouldTryATransientFailureAgainAfterDoublingWaitsUpToTheLongest() {
        StepVerifier.withVirtualTime(() -> flowFailingFirst(3, refused()))
                .expectSubscription()
                .then(() -> assertThat(attempts).hasValue(1))
                .expectNoEvent(Duration.ofMillis(249))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(attempts).hasValue(2))
                .thenAwait(Duration.ofMillis(500))
                .then(() -> assertThat(attempts).hasValue(3))
                .expectNoEvent(Duration.ofMillis(599))
                .then(() -> assertThat(attempts).hasValue(3))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("CONNECTED")
                .verifyComplete();
        assertThat(attempts).hasValue(4);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptSayingHowManyThereWere() {
        StepVerifier.withVirtualTime(() -> flowFailingFirst(10, refused()))
                .thenAwait(Duration.ofSeconds(10))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(ConnectionFailedException.class)
                        .hasMessage("mapping-service authorize failed: connection refused (gave up after 4 attempts)"))
                .verify();
        assertThat(attempts).hasValue(4);
    }

    @Test
    void shouldNotTryAnAnswerThatWillNotChangeAgain() {
        StepVerifier.create(flowFailingFirst(1, ConnectionFailedException.answered("mapping-service callback", 400,
                        "{\"error\":\"bad_request\",\"message\":\"unknown state\"}")))
                .expectErrorMessage("mapping-service callback answered 400 {\"error\":\"bad_request\",\"message\":\"unknown state\"}")
                .verify();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldCountNoConnectionNoAnswerInTimeAndServerErrorsAsTransient() {
        assertThat(refused().isTransient()).isTrue();
        assertThat(refused().getMessage()).isEqualTo("mapping-service authorize failed: connection refused");
        assertThat(ConnectionFailedException.unreachable("QBO consent", new HttpTimeoutException("request timed out")))
                .hasMessage("QBO consent failed: no answer in time").matches(ConnectionFailedException::isTransient);
        assertThat(ConnectionFailedException.answered("mapping-service callback", 503, "").isTransient()).isTrue();
        assertThat(ConnectionFailedException.answered("mapping-service callback", 409, "").isTransient()).isFalse();
        assertThat(ConnectionFailedException.malformed("QBO consent", "redirected without a Location header").isTransient())
                .isFalse();
    }
}
