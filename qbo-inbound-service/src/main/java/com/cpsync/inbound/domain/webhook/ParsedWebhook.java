package com.cpsync.inbound.domain.webhook;

import java.util.List;

import com.cpsync.inbound.domain.change.EntityChange;

/**
 * What one webhook body says: the entity changes to publish, and the events left out, each with why.
 * One bad event never costs the others: they are published and the POST is answered 200.
 */
public record ParsedWebhook(List<EntityChange> changes, List<RejectedEvent> rejected) {

    public ParsedWebhook {
        changes = List.copyOf(changes);
        rejected = List.copyOf(rejected);
    }
}
