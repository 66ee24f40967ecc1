package com.cpsync.sandbox.domain.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-realm request counters; reads (metered by Intuit) and writes are counted apart, as are injected reply faults. */
public final class RealmStats {

    /** The counters at one moment; {@code byStatus} lacks the calls whose connection was closed unanswered. */
    public record Snapshot(long requests, long reads, long writes, long batches, long lostReplies, long lateReplies,
                           Map<Integer, Long> byStatus) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong lostReplies = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

    public void record(CallKind kind, int status) {
        recordUnanswered(kind);
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    /** A call whose connection was closed without an answer. */
    public void recordUnanswered(CallKind kind) {
        requests.incrementAndGet();
        switch (kind) {
            case READ -> reads.incrementAndGet();
            case WRITE -> writes.incrementAndGet();
            case BATCH -> batches.incrementAndGet();
            default -> throw new IllegalStateException(kind.name());
        }
    }

    public void recordReplyFault(ReplyFault fault) {
        if (fault.kind() == ReplyFault.Kind.LOST) {
            lostReplies.incrementAndGet();
        } else if (fault.kind() == ReplyFault.Kind.LATE) {
            lateReplies.incrementAndGet();
        }
    }

    public void reset() {
        for (AtomicLong counter : new AtomicLong[] {requests, reads, writes, batches, lostReplies, lateReplies}) {
            counter.set(0);
        }
        byStatus.clear();
    }

    public Snapshot snapshot() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, n) -> statuses.put(status, n.get()));
        return new Snapshot(requests.get(), reads.get(), writes.get(), batches.get(), lostReplies.get(),
                lateReplies.get(), statuses);
    }
}
