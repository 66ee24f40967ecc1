package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.events.BacklogRule;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.qbo.client.CallPriority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkPriorityTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final List<CallPriority> seen = new ArrayList<>();
    private final EventHandling prioritised = WorkPriority.prioritised(event -> {
        seen.add(WorkPriority.current());
        if (event.eventId().equals("fails")) {
            throw new IllegalStateException("handler failed");
        }
        return Optional.empty();
    }, new BacklogRule(Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldHandleAFreshEventLiveAndAnOldOneAsBacklog() {
        prioritised.handle(event("fresh", NOW.minusSeconds(1)));
        prioritised.handle(event("old", NOW.minus(Duration.ofMinutes(5))));

        assertThat(seen).containsExactly(CallPriority.LIVE, CallPriority.BACKLOG);
    }

    @Test
    void shouldLeaveTheThreadLiveAfterABacklogEventEvenWhenItsHandlingFails() {
        assertThatThrownBy(() -> prioritised.handle(event("fails", NOW.minus(Duration.ofMinutes(5)))))
                .hasMessage("handler failed");

        assertThat(seen).containsExactly(CallPriority.BACKLOG);
        assertThat(WorkPriority.current()).isEqualTo(CallPriority.LIVE);
    }

    private static OutboundEvent event(String id, Instant occurredAt) {
        return new OutboundEvent(id, "t1", occurredAt, null, new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company("c1", "Acme", null, null, null)));
    }
}
