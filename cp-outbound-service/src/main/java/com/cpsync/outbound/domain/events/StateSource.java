package com.cpsync.outbound.domain.events;

import java.time.Instant;

/**
 * The event a remembered entity state came from: where it was read, and when it happened.
 *
 * <p>Why: an event handled after a newer one of its entity would send QBO an older state than the one it has, and
 * the newer event, met again, would find nothing changed (docs/reliability.md finding 18: a copy on the waiting
 * topic of a record its previous owner had handled, replayed behind newer records after a rebalance).
 */
public record StateSource(SourcePosition position, Instant occurredAt) {

    public static StateSource of(OutboundEvent event) {
        return new StateSource(event.source(), event.occurredAt());
    }

    /**
     * Whether {@code event} is this state's own event or an older one of its entity: read no later in the same
     * partition, and happened no later. Both must hold: offsets alone would misjudge the events of a topic made
     * again (its offsets start at 0 once more), times alone a clock that steps back.
     */
    public boolean supersedes(OutboundEvent event) {
        return event.source().notAfter(position) && !event.occurredAt().isAfter(occurredAt);
    }
}
