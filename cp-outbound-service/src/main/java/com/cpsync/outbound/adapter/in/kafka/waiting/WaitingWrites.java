package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.util.concurrent.locks.ReentrantReadWriteLock;
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
     * Returns once every write under way has ended. Called after the partitions' epochs ended, so the writes that
     * start meanwhile are of other partitions or find their epoch gone.
     */
    public void awaitUnderWay() {
        lock.writeLock().lock();
        lock.writeLock().unlock();
    }
}
