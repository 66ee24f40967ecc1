package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InFlightWorkTest {

    private final InFlightWork inFlight = new InFlightWork();

    @Test
    void shouldNotWaitForAPartitionWithNothingInFlight() throws InterruptedException {
        inFlight.started(1);

        assertThat(inFlight.awaitNone(List.of(0, 2), Duration.ZERO)).isTrue();
    }

    @Test
    void shouldWaitUntilTheLastItemOfARevokedPartitionEnds() {
        inFlight.started(0);
        inFlight.started(0);
        CompletableFuture<Boolean> revocation = CompletableFuture.supplyAsync(() -> awaitNone(List.of(0)));

        inFlight.ended(0);
        assertThat(revocation).as("one item is still being worked").isNotDone();
        inFlight.ended(0);

        await().until(revocation::isDone);
        assertThat(revocation.join()).isTrue();
        assertThat(inFlight.inFlight(0)).isZero();
    }

    @Test
    void shouldGiveUpAfterItsLimitAndSaySo() throws InterruptedException {
        inFlight.started(3);

        assertThat(inFlight.awaitNone(List.of(3), Duration.ofMillis(20))).isFalse();
        assertThat(inFlight.inFlight(3)).isEqualTo(1);
    }

    private boolean awaitNone(List<Integer> partitions) {
        try {
            return inFlight.awaitNone(partitions, Duration.ofMinutes(1));
        }
        catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
