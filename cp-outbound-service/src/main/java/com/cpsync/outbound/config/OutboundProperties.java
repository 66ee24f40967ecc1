package com.cpsync.outbound.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code app.*}; defaults live in application.yml. */
@ConfigurationProperties("app")
public record OutboundProperties(Topics topics, Work work, Qbo qbo, Mapping mapping, Waiting waiting) {

    /** Topic names (DESIGN.md §3) plus our own compacted entity-state topic. */
    public record Topics(String events, String settings, String commands, String outcomes, String entityState,
            int entityStatePartitions) {
    }

    /**
     * Tenant work: worker threads, the buffered-record bound that pauses consumption, how long an event
     * waits for an unseen parent, the park durations by reason, and how long after it happened an event is
     * still live work (older: backlog, whose QBO calls leave a reserve of the realm's budget to live work),
     * how events are queued (a lane per tenant and company, or one FIFO per partition: the benchmark's
     * "fairness off"), how many workers one tenant's lanes may hold at once, and how long a revocation waits for the
     * items being worked.
     */
    public record Work(int workers, int maxBuffered, Duration parentWait, Duration throttleWait, Duration busyWait,
            Duration initialBackoff, Duration maxBackoff, Duration disconnectedPoll, int commandIdsPerTenant,
            Duration backlogAfter, QueueBy queueBy, int lanesPerTenant, int maxBufferedPerTenant, Duration inFlightWait) {

        public enum QueueBy { COMPANY, PARTITION }
    }

    /**
     * QBO base URL, the per-realm limits enforced before calling, the per-realm circuit breaker, and how a realm's
     * waiting calls are batched.
     */
    public record Qbo(URI baseUrl, int requestsPerSecond, int requestsPerMinute, int concurrentRequests,
            int batchesPerMinute, Duration limiterMaxWait, Duration requestTimeout, float breakerFailureRate,
            int breakerMinimumCalls, Duration breakerOpenWait, Batching batching) {
    }

    /**
     * Whether a realm's calls that wait while its sends are in flight share a batch request (false: every call is
     * single), how many sends of one realm may be in flight at once, and how long a call the budget refuses is sent
     * again before its event parks.
     */
    public record Batching(boolean enabled, int sendersPerRealm, Duration busyPatience) {
    }

    public record Mapping(URI baseUrl) {
    }

    /**
     * The waiting topic of tenants without a QBO connection (our own, created with the events topic's
     * partition count): how often such tenants are checked, the longest a record stays at one offset before
     * it is rewritten to the tail, and the topic's retention (longer than that, with room for an outage).
     */
    public record Waiting(String topic, Duration checkInterval, Duration maxHold, Duration retention) {
    }
}
