package com.cpsync.outbound.adapter.in.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Out-of-order completion, in-order commits: records complete in any order (tenants run in parallel,
 * a parked tenant's record waits), but a record's acknowledgment is passed to the container only when
 * every earlier record of its partition has completed, and only the last one of such a contiguous run.
 * Committing offset n+1 therefore never skips an unfinished record; after a crash the unfinished tail
 * is delivered again and idempotency absorbs what had already been done.
 *
 * <p>This replaces spring-kafka's {@code asyncAcks}, which pauses the whole consumer until every record
 * of the previous poll is acknowledged: one parked tenant would then stop all tenants' new records.
 */
public class ContiguousAcks {

    /** partition key → offset → (ack, done) of records handed to the work queues and not yet committed. */
    private final Map<String, TreeMap<Long, Pending>> byPartition = new HashMap<>();
    /** partition key → records received and not completed: held in memory by the work queues, lanes or deferrals. */
    private final Map<String, Integer> unfinished = new HashMap<>();

    public synchronized void received(String partition, long offset, Runnable acknowledge) {
        Pending replaced = byPartition.computeIfAbsent(partition, p -> new TreeMap<>())
                .put(offset, new Pending(acknowledge));
        if (replaced == null || replaced.done) {
            unfinished.merge(partition, 1, Integer::sum);
        }
    }

    /** Marks a record done and acknowledges the end of the completed prefix, if it moved. */
    public void completed(String partition, long offset) {
        Runnable toAck = null;
        synchronized (this) {
            TreeMap<Long, Pending> pending = byPartition.get(partition);
            Pending record = pending == null ? null : pending.get(offset);
            if (record == null || record.done) {
                return;
            }
            record.done = true;
            unfinished.computeIfPresent(partition, (p, n) -> n > 1 ? n - 1 : null);
            while (!pending.isEmpty() && pending.firstEntry().getValue().done) {
                toAck = pending.pollFirstEntry().getValue().acknowledge;
            }
        }
        if (toAck != null) {
            toAck.run();
        }
    }

    /** Forgets a partition's records (revoked: its new owner re-reads from the committed offset). */
    public synchronized void forget(String partition) {
        byPartition.remove(partition);
        unfinished.remove(partition);
    }

    /** Records not committed yet: unfinished ones and the finished ones behind an unfinished one. */
    public synchronized int pending() {
        return byPartition.values().stream().mapToInt(Map::size).sum();
    }

    /** Records received and not completed yet, of the partitions whose keys start with {@code prefix}. */
    public synchronized int unfinished(String prefix) {
        return unfinished.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static final class Pending {
        private final Runnable acknowledge;
        private boolean done;

        private Pending(Runnable acknowledge) {
            this.acknowledge = acknowledge;
        }
    }
}
