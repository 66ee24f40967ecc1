package com.cpsync.outbound.domain.events;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Company;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final BacklogRule rule = new BacklogRule(Duration.ofSeconds(30));

    @Test
    void shouldTakeAnEventHandledWithinItsLiveTimeAsLiveWork() {
        assertThat(rule.isBacklog(eventAt(NOW.minusSeconds(30)), NOW)).isFalse();
    }

    @Test
    void shouldTakeAnEventHandledAfterItsLiveTimeAsBacklog() {
        assertThat(rule.isBacklog(eventAt(NOW.minusSeconds(31)), NOW)).isTrue();
    }

    @Test
    void shouldTakeAnEventWithoutATimeAsLiveWork() {
        assertThat(rule.isBacklog(eventAt(null), NOW)).isFalse();
    }

    static OutboundEvent eventAt(Instant occurredAt) {
        return new OutboundEvent("e1", "t1", occurredAt, null, new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company("c1", "Acme", null, null, null)));
    }
}
