package com.cpsync.console.domain.outcome;

import java.time.Instant;

/**
 * What people call a Centerpoint entity: an invoice's or ticket's number, a company's or project's name. Outcomes
 * carry only ids, so the console learns these from {@code centerpoint.events.v1} to find "SI-1001" by its number.
 */
public record EntityLabel(String tenantId, String entityType, String centerpointId, String label, Instant seenAt) {
}
