package com.cpsync.inbound.domain.webhook;

import java.util.List;

import com.cpsync.inbound.domain.change.EntityChange;

/**
 * What one webhook body says: the entity changes to publish, and the events left out, each with why
 * (an operation or entity this service does not know; refusing them would make Intuit retry forever).
 */
public record ParsedWebhook(List<EntityChange> changes, List<String> ignored) {

    public ParsedWebhook {
        changes = List.copyOf(changes);
        ignored = List.copyOf(ignored);
    }
}
