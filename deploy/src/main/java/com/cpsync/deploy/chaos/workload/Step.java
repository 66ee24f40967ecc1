package com.cpsync.deploy.chaos.workload;

/**
 * One step of the workload: its position, tenant, what it does and the record's full state after
 * it (for a delete, its last state). Centerpoint events are fat, so the state is the event's payload.
 */
public record Step(int index, String tenantId, StepKind kind, SourceRecord record, String eventId) {
}
