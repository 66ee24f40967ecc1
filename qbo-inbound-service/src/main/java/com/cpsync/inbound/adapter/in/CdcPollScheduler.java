package com.cpsync.inbound.adapter.in;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import com.cpsync.inbound.application.PollCdc;

/** Runs the CDC poll at start-up and then every interval, on one thread (polls never overlap). */
public class CdcPollScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CdcPollScheduler.class);

    private final PollCdc pollCdc;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public CdcPollScheduler(PollCdc pollCdc, Duration interval) {
        this.pollCdc = pollCdc;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cdc-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void pollSafely() {
        try {
            pollCdc.pollAll();
        }
        catch (RuntimeException ex) {
            // a failed round must not cancel the schedule
            log.warn("CDC poll round failed: {}", ex.toString());
        }
    }
}
