package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.application.port.TenantStatusChange;
import com.cpsync.outbound.application.port.TenantStatusPublisher;
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

    @Test
    void shouldRunTwoCompaniesOfATenantAtOnceAndEachInOrder() {
        TenantWorkQueues<String> laned = new TenantWorkQueues<>(clock, TenantStatusPublisher.NONE, 4);
        laned.submit(new WorkQueueKey("t1", "acme", "COMPANY:acme"), "acme created");
        laned.submit(new WorkQueueKey("t1", "acme", "INVOICE:i1"), "acme's invoice");
        laned.submit(new WorkQueueKey("t1", "bolt", "COMPANY:bolt"), "bolt created");

        TenantWorkQueues.Claim<String> acme = laned.tryClaim().orElseThrow();
        TenantWorkQueues.Claim<String> bolt = laned.tryClaim().orElseThrow();

        assertThat(List.of(acme.item(), bolt.item())).containsExactly("acme created", "bolt created");
        assertThat(laned.tryClaim()).as("the invoice waits for its company").isEmpty();
        laned.complete(acme);
        assertThat(laned.tryClaim().orElseThrow().item()).isEqualTo("acme's invoice");
    }

    @Test
    void shouldKeepAnEntityInTheLaneWhereItsItemsWait() {
        TenantWorkQueues<String> laned = new TenantWorkQueues<>(clock, TenantStatusPublisher.NONE, 4);
        laned.submit(new WorkQueueKey("t1", "acme", "INVOICE:i1"), "i1 under acme");
        // the invoice moved to another company: its newer state must not overtake the older one
        laned.submit(new WorkQueueKey("t1", "bolt", "INVOICE:i1"), "i1 under bolt");

        TenantWorkQueues.Claim<String> first = laned.tryClaim().orElseThrow();
        assertThat(first.item()).isEqualTo("i1 under acme");
        assertThat(laned.tryClaim()).as("one entity, one lane").isEmpty();
        laned.complete(first);
        TenantWorkQueues.Claim<String> second = laned.tryClaim().orElseThrow();
        assertThat(second.item()).isEqualTo("i1 under bolt");
        laned.complete(second);

        laned.submit(new WorkQueueKey("t1", "bolt", "INVOICE:i1"), "i1 again");
        assertThat(laned.tryClaim().orElseThrow().lane()).as("with nothing waiting it takes its own lane")
                .isEqualTo("bolt");
    }

    @Test
    void shouldNotLetOneTenantHoldMoreWorkersThanItsShare() {
        TenantWorkQueues<String> laned = new TenantWorkQueues<>(clock, TenantStatusPublisher.NONE, 2);
        for (int company = 0; company < 5; company++) {
            laned.submit(new WorkQueueKey("big", "c" + company, null), "big " + company);
        }
        laned.submit("small", "small 1");

        List<String> claimed = new ArrayList<>();
        laned.tryClaim().ifPresent(claim -> claimed.add(claim.item()));
        laned.tryClaim().ifPresent(claim -> claimed.add(claim.item()));
        laned.tryClaim().ifPresent(claim -> claimed.add(claim.item()));

        assertThat(claimed).containsExactly("big 0", "big 1", "small 1");
        assertThat(laned.tryClaim()).as("the big tenant holds its two workers").isEmpty();
    }

    @Test
    void shouldTellATenantRunningOnlyWhenNoLaneOfItIsParked() {
        List<TenantStatusChange> told = new ArrayList<>();
        TenantWorkQueues<String> laned = new TenantWorkQueues<>(clock, told::add, 4);
        laned.submit(new WorkQueueKey("t1", "a", null), "a1");
        laned.submit(new WorkQueueKey("t1", "b", null), "b1");
        TenantWorkQueues.Claim<String> a = laned.tryClaim().orElseThrow();
        TenantWorkQueues.Claim<String> b = laned.tryClaim().orElseThrow();
        laned.park(a, clock.instant().plusSeconds(5), "THROTTLED");
        laned.park(b, clock.instant().plusSeconds(5), "THROTTLED");
        clock.advance(Duration.ofSeconds(5));

        laned.complete(laned.tryClaim().orElseThrow());
        assertThat(told).extracting(TenantStatusChange::state).as("lane b is still parked")
                .doesNotContain(TenantStatusChange.State.RUNNING);
        laned.complete(laned.tryClaim().orElseThrow());
        assertThat(told.get(told.size() - 1).state()).isEqualTo(TenantStatusChange.State.RUNNING);
    }

    @Test
    void shouldNotWorkTwoItemsOfOneExclusiveKeySideBySide() {
        TenantWorkQueues<String> laned = new TenantWorkQueues<>(clock, TenantStatusPublisher.NONE, 4);
        laned.submit(new WorkQueueKey("t1", "c1", "COMPANY:c1", "name:smith plumbing"), "c1 Smith Plumbing");
        laned.submit(new WorkQueueKey("t1", "c2", "COMPANY:c2", "name:smith plumbing"), "c2 Smith Plumbing");
        laned.submit(new WorkQueueKey("t2", "c9", "COMPANY:c9", "name:smith plumbing"), "another tenant's");

        TenantWorkQueues.Claim<String> first = laned.tryClaim().orElseThrow();
        TenantWorkQueues.Claim<String> other = laned.tryClaim().orElseThrow();

        assertThat(first.item()).isEqualTo("c1 Smith Plumbing");
        assertThat(other.item()).as("names are the tenant's own").isEqualTo("another tenant's");
        assertThat(laned.tryClaim()).as("c2 waits until c1 has looked for and made the name").isEmpty();
        laned.park(first, clock.instant().plusSeconds(5), "FAILING");
        assertThat(laned.tryClaim().orElseThrow().item()).as("a parked item holds nothing")
                .isEqualTo("c2 Smith Plumbing");
    }

    /** Benchmark P3 finding: lanes waiting for their tenant's share of workers woke every idle worker each ms. */
    @Test
    void shouldLetWorkersSleepWhileTheOnlyDueLanesWaitForTheirTenantsWorkers() {
        TenantWorkQueues<String> laned = new TenantWorkQueues<>(clock, TenantStatusPublisher.NONE, 1);
        laned.submit(new WorkQueueKey("big", "c1", null), "big 1");
        laned.submit(new WorkQueueKey("big", "c2", null), "big 2");
        laned.tryClaim().orElseThrow();
        laned.submit(new WorkQueueKey("parked", "c3", null), "parked 1");
        laned.park(laned.tryClaim().orElseThrow(), clock.instant().plusMillis(40), "FAILING");

        assertThat(laned.tryClaim()).as("big 2 waits for big's one worker").isEmpty();
        assertThat(laned.nanosUntilNextDue()).as("until the parked lane is due, not at once")
                .isEqualTo(Duration.ofMillis(40).toNanos());
    }
}
