package com.cpsync.outbound.domain.events;

import java.time.Duration;
import java.time.Instant;

/**
 * Live work or backlog. An event handled long after Centerpoint made it (a bulk import, a catch-up after an
 * outage, a held record coming back) is backlog: its QBO calls leave the reserve of the realm's budget to the
 * fresh events a contractor is waiting for (issue 10). An event without a time is live.
 *
 * @param liveFor how long after it happened an event still counts as live
 */
public record BacklogRule(Duration liveFor) {

    public boolean isBacklog(OutboundEvent event, Instant handledAt) {
        return event.occurredAt() != null && Duration.between(event.occurredAt(), handledAt).compareTo(liveFor) > 0;
    }
}
