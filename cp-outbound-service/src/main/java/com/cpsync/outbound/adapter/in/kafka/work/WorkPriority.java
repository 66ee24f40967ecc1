package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Clock;

import com.cpsync.outbound.domain.events.BacklogRule;
import com.cpsync.qbo.client.CallPriority;

/**
 * The QBO call priority of the event a worker thread is handling, for the QBO adapter to take its budget at
 * (it reads {@link #current()}); every other thread's calls are live.
 */
public final class WorkPriority {

    private static final ThreadLocal<CallPriority> CURRENT = ThreadLocal.withInitial(() -> CallPriority.LIVE);

    private WorkPriority() {
    }

    public static CallPriority current() {
        return CURRENT.get();
    }

    /** Handles each event at the priority the rule gives it, then back to live. */
    public static EventHandling prioritised(EventHandling handling, BacklogRule rule, Clock clock) {
        return event -> {
            CURRENT.set(rule.isBacklog(event, clock.instant()) ? CallPriority.BACKLOG : CallPriority.LIVE);
            try {
                return handling.handle(event);
            }
            finally {
                CURRENT.remove();
            }
        };
    }
}
