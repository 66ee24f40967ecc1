package com.cpsync.console.adapter.in.web;

import java.time.Instant;
import java.util.Map;

import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.outcome.IndexedOutcome;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.tenant.Connection;
import com.cpsync.console.domain.tenant.RealmBudget;
import com.cpsync.console.domain.tenant.TenantRow;
import com.cpsync.console.domain.tenant.TenantSummary;
import com.cpsync.console.domain.tenant.WorkStatus;

/** The API's JSON shapes: flat, named as the Avro fields are, one per thing the pages show. */
final class Json {

    private Json() {
    }

    record TenantJson(String tenantId, String realmId, Instant lastOutcomeAt, String lastResult,
                      Map<String, Long> lastDayByResult, long openDeadLetters, Connection connection, Work work,
                      RealmBudget budget) {

        static TenantJson of(TenantRow row) {
            TenantSummary t = row.summary();
            return new TenantJson(t.tenantId(), t.realmId(), t.lastOutcomeAt(), t.lastResult(), t.lastDayByResult(),
                    t.openDeadLetters(), row.connection(), Work.of(row), row.budget());
        }
    }

    /** {@code state} null: the console has seen no park of the tenant. */
    record Work(String state, String reason, Instant until, String instance, Instant changedAt, String detail) {

        static Work of(TenantRow row) {
            WorkStatus s = row.workStatus();
            return s == null ? new Work(null, null, null, null, null, row.workDetail())
                    : new Work(s.state().name(), s.reason(), s.until(), s.instance(), s.changedAt(), row.workDetail());
        }
    }

    record Outcome(long id, String outcomeId, Instant occurredAt, String tenantId, String realmId, String direction,
                   String entityType, String centerpointId, String label, String qboId, String action, String result,
                   String reason, String qboErrorCode, String causationId) {

        static Outcome of(TrailEntry entry) {
            IndexedOutcome o = entry.outcome();
            return new Outcome(entry.id(), o.outcomeId(), o.occurredAt(), o.tenantId(), o.realmId(), o.direction(),
                    o.entityType(), o.centerpointId(), entry.label(), o.qboId(), o.action(), o.result(), o.reason(),
                    o.qboErrorCode(), o.causationId());
        }
    }

    record DeadLetterJson(long id, String topic, int partition, long offset, String originalTopic,
                          Integer originalPartition, Long originalOffset, String key, String tenantId, String realmId,
                          String reason, String exceptionClass, String payloadSummary, Instant deadLetteredAt,
                          String replayOf, boolean replayed, Instant replayedAt, String replayedBy) {

        static DeadLetterJson of(DeadLetter letter) {
            return new DeadLetterJson(letter.id(), letter.position().topic(), letter.position().partition(),
                    letter.position().offset(), letter.facts().originalTopic(), letter.facts().originalPartition(),
                    letter.facts().originalOffset(), letter.facts().key(), letter.facts().tenantId(),
                    letter.facts().realmId(), letter.facts().reason(), letter.facts().exceptionClass(),
                    letter.payloadSummary(), letter.deadLetteredAt(), letter.facts().replayOf(), letter.replayed(),
                    letter.replayedAt(), letter.replayedBy());
        }
    }

    /** The body of a resolution: {@code {"action":"LINK","qboId":"58"}}, {@code CREATE_WITH_SUFFIX}, {@code DISMISS}. */
    record ResolutionBody(String action, String qboId) {
    }

    static Map<String, String> error(String code, String message) {
        return Map.of("error", code, "message", message);
    }
}
