package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.application.port.TenantStatusChange;
import com.cpsync.outbound.application.port.TenantStatusChange.State;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** What the queues tell the status publisher: every park, and the first completion after one. */
class TenantStatusChangesTest {

    private final MutableClock clock = new MutableClock();
    private final List<TenantStatusChange> told = new ArrayList<>();
    private final TenantWorkQueues<String> queues = new TenantWorkQueues<>(clock, told::add);

    @Test
    void shouldTellAParkWithItsReasonAndDueTimeAndTheResumeWhenTheHeadCompletes() {
        queues.submit("t1", "a");
        Instant due = clock.instant().plusSeconds(60);
        queues.park(queues.tryClaim().orElseThrow(), due, "THROTTLED");
        clock.advance(Duration.ofSeconds(60));

        queues.complete(queues.tryClaim().orElseThrow());

        assertThat(told).containsExactly(TenantStatusChange.parked("t1", "THROTTLED", due, due.minusSeconds(60)),
                TenantStatusChange.running("t1", due));
    }

    @Test
    void shouldTellNothingForATenantThatWasNeverParked() {
        queues.submit("t1", "a");
        queues.submit("t1", "b");

        queues.complete(queues.tryClaim().orElseThrow());
        queues.complete(queues.tryClaim().orElseThrow());

        assertThat(told).isEmpty();
    }

    @Test
    void shouldTellEachParkAgainWithItsNewDueTimeAndResumeOnce() {
        queues.submit("t1", "a");
        queues.submit("t1", "b");
        queues.park(queues.tryClaim().orElseThrow(), clock.instant().plusSeconds(5), "FAILING");
        clock.advance(Duration.ofSeconds(5));
        queues.park(queues.tryClaim().orElseThrow(), clock.instant().plusSeconds(10), "REALM_BUSY");
        clock.advance(Duration.ofSeconds(10));

        queues.complete(queues.tryClaim().orElseThrow());
        queues.complete(queues.tryClaim().orElseThrow());

        assertThat(told).extracting(TenantStatusChange::state, TenantStatusChange::reason)
                .containsExactly(tuple(State.PARKED, "FAILING"),
                        tuple(State.PARKED, "REALM_BUSY"),
                        tuple(State.RUNNING, null));
    }

    @Test
    void shouldKeepWorkingWhenThePublisherThrows() {
        TenantWorkQueues<String> failing = new TenantWorkQueues<>(clock, change -> {
            throw new IllegalStateException("broker gone");
        });
        failing.submit("t1", "a");
        failing.park(failing.tryClaim().orElseThrow(), clock.instant(), "FAILING");

        failing.complete(failing.tryClaim().orElseThrow());

        assertThat(failing.buffered()).isZero();
    }
}
