package com.cpsync.console.domain.outcome;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A search of one tenant's trail. {@code text} matches, case-insensitively and exactly, a Centerpoint id, the
 * Centerpoint number or name, a QBO id, or the outcome's or its cause's id; the other fields narrow it.
 * Results come oldest first: a trail reads as the order decisions were made.
 */
public record OutcomeSearch(String tenantId, String text, String entityType, String result, Instant from,
                            Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public static final Set<String> ENTITY_TYPES = Set.of("COMPANY", "PROJECT", "SERVICE_TICKET", "SERVICE_INVOICE",
            "PROJECT_INVOICE", "PAYMENT");
    public static final Set<String> RESULTS = Set.of("SYNCED", "SKIPPED_BY_SETTINGS", "ECHO_SUPPRESSED", "CONFLICT",
            "FAILED", "WAITING_FOR_CONNECTION");

    public OutcomeSearch {
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidSearchException("a tenant is required");
        }
        text = blankToNull(text);
        entityType = oneOf("entity", entityType, ENTITY_TYPES);
        result = oneOf("result", result, RESULTS);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidSearchException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        if (limit > MAX_LIMIT) {
            throw new InvalidSearchException("limit must be at most " + MAX_LIMIT + " but was " + limit);
        }
    }

    /** Everything about the tenant, newest {@value #DEFAULT_LIMIT} not cut: the first page. */
    public static OutcomeSearch all(String tenantId) {
        return new OutcomeSearch(tenantId, null, null, null, null, null, DEFAULT_LIMIT);
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        String normalised = blankToNull(value);
        if (normalised == null) {
            return null;
        }
        normalised = normalised.toUpperCase(Locale.ROOT);
        if (!allowed.contains(normalised)) {
            throw new InvalidSearchException(name + " must be one of " + allowed.stream().sorted().toList()
                    + " but was '" + value + "'");
        }
        return normalised;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
