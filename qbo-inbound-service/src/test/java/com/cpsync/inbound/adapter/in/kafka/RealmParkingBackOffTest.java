package com.cpsync.inbound.adapter.in.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;

class RealmParkingBackOffTest {

    private final AtomicReference<Duration> parkedFor = new AtomicReference<>(Duration.ZERO);

    @Test
    void shouldWaitAtLeastTheRestOfTheRealmsParkingButNoLongerThanTheCapAtATime() {
        BackOffExecution execution = new RealmParkingBackOff(new FixedBackOff(500, 3), parkedFor::get,
                Duration.ofSeconds(2)).start();

        assertThat(execution.nextBackOff()).as("not parked: the container's own back-off").isEqualTo(500);
        parkedFor.set(Duration.ofMillis(1_500));
        assertThat(execution.nextBackOff()).isEqualTo(1_500);
        parkedFor.set(Duration.ofSeconds(60));
        assertThat(execution.nextBackOff()).as("a throttle's minute, a cap at a time").isEqualTo(2_000);
        assertThat(execution.nextBackOff()).as("the container's attempts still end").isEqualTo(BackOffExecution.STOP);
    }
}
