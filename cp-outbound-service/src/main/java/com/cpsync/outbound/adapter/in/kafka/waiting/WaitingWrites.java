package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The writes to the waiting topic under way (a worker's hold, a lane's rewrite, the spill's round), so that a
 * partition being revoked can wait for them: one landing after the partition's next owner has counted the waiting
 * partition would be handed back there uncounted, behind newer records of its tenant already handled.
 */
public final class WaitingWrites {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs one write (and its bookkeeping); many run side by side. */
    public <T> T write(Supplier<T> write) {
        lock.readLock().lock();
        try {
            return write.get();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Appends a tenant's record while its partition's {@code epoch} is current, and tells the room where it went;
     * a record of a revoked partition is left to its next owner, who reads it again.
     *
     * @param append the write; returns the record's offset
     * @param leads  see {@link WaitingRoom#appended}
     * @return whether it was written
     */
    public boolean appendIfCurrent(WaitingRoom room, String tenant, int partition, long epoch, LongSupplier append,
            boolean leads) {
        return write(() -> {
            if (!room.isCurrent(partition, epoch)) {
                return false;
            }
            room.appended(tenant, partition, epoch, append.getAsLong(), leads);
            return true;
        });
    }

    /**
     * Returns once every write under way has ended. Called after the partitions' epochs ended, so the writes that
     * start meanwhile are of other partitions or find their epoch gone.
     */
    public void awaitUnderWay() {
        lock.writeLock().lock();
        lock.writeLock().unlock();
    }
}
