package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class TenantWorkQueuesTest {

    private final MutableClock clock = new MutableClock();
    private final TenantWorkQueues<String> queues = new TenantWorkQueues<>(clock);

    @Test
    void shouldHandOutATenantsItemsInOrderOneAtATime() {
        queues.submit("t1", "a");
        queues.submit("t1", "b");

        TenantWorkQueues.Claim<String> first = queues.tryClaim().orElseThrow();
        assertThat(first.item()).isEqualTo("a");
        assertThat(queues.tryClaim()).as("t1 is held by a worker").isEmpty();

        queues.complete(first);
        assertThat(queues.tryClaim().orElseThrow().item()).isEqualTo("b");
    }

    @Test
    void shouldLetOtherTenantsFlowWhileOneIsParked() {
        queues.submit("slow", "s1");
        queues.submit("slow", "s2");
        queues.submit("fast", "f1");
        queues.submit("fast", "f2");

        TenantWorkQueues.Claim<String> slow = queues.tryClaim().orElseThrow();
        queues.park(slow, clock.instant().plusSeconds(60), "THROTTLED");

        TenantWorkQueues.Claim<String> f1 = queues.tryClaim().orElseThrow();
        assertThat(f1.item()).isEqualTo("f1");
        queues.complete(f1);
        TenantWorkQueues.Claim<String> f2 = queues.tryClaim().orElseThrow();
        assertThat(f2.item()).isEqualTo("f2");
        queues.complete(f2);

        assertThat(queues.tryClaim()).as("slow waits for its due time").isEmpty();
        assertThat(queues.parkedTenants()).containsEntry("slow", "THROTTLED");
    }

    @Test
    void shouldRetryTheSameHeadWhenTheParkIsDueAndCountAttempts() {
        queues.submit("t1", "a");
        queues.submit("t1", "b");
        TenantWorkQueues.Claim<String> claim = queues.tryClaim().orElseThrow();
        queues.park(claim, clock.instant().plusSeconds(5), "FAILING");

        clock.advance(Duration.ofSeconds(5));

        TenantWorkQueues.Claim<String> again = queues.tryClaim().orElseThrow();
        assertThat(again.item()).isEqualTo("a");
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(queues.parkedTenants()).isEmpty();
    }

    @Test
    void shouldCountBufferedItemsUntilCompleted() {
        queues.submit("t1", "a");
        queues.submit("t2", "b");
        assertThat(queues.buffered()).isEqualTo(2);

        queues.complete(queues.tryClaim().orElseThrow());

        assertThat(queues.buffered()).isEqualTo(1);
    }

    @Test
    void shouldServeTenantsRoundRobin() {
        queues.submit("t1", "a1");
        queues.submit("t1", "a2");
        queues.submit("t2", "b1");

        TenantWorkQueues.Claim<String> first = queues.tryClaim().orElseThrow();
        queues.complete(first);
        TenantWorkQueues.Claim<String> second = queues.tryClaim().orElseThrow();

        assertThat(second.tenantId()).as("t1 went last after being served").isEqualTo("t2");
    }

    @Test
    void shouldWaitForAnItemUpToTheGivenTime() throws InterruptedException {
        assertThat(queues.claim(Duration.ofMillis(20))).isEmpty();
        queues.submit("t1", "a");
        assertThat(queues.claim(Duration.ofMillis(20))).isPresent();
    }
}
