package com.cpsync.syncsupport.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@code consumer_group_lag{group,topic,partition}} (end offset minus committed offset) for
 * the groups a service runs, refreshed on its own thread. The clients' {@code records-lag} counts from
 * the fetch position and reads 0 while a commit is held back; this gauge does not.
 */
public final class ConsumerGroupLagMeter implements MeterBinder, AutoCloseable {

    public static final String METRIC = "consumer.group.lag";

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLagMeter.class);

    private final ConsumerGroupLag lag;
    private final Supplier<Map<String, Collection<String>>> topicsByGroup;
    private final Duration interval;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-group-lag");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MeterRegistry registry;

    public ConsumerGroupLagMeter(ConsumerGroupLag lag, Map<String, Collection<String>> topicsByGroup,
            Duration interval) {
        this(lag, () -> topicsByGroup, interval);
    }

    /** @param topicsByGroup asked at every refresh: listeners may register after the meter is bound */
    public ConsumerGroupLagMeter(ConsumerGroupLag lag, Supplier<Map<String, Collection<String>>> topicsByGroup,
            Duration interval) {
        this.lag = lag;
        this.topicsByGroup = topicsByGroup;
        this.interval = interval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        refresher.scheduleWithFixedDelay(this::refreshOnSchedule, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads every group's lag now and updates the gauges; returns what it read (a group that failed: nothing). */
    public List<PartitionLag> refresh() {
        List<PartitionLag> all = new ArrayList<>();
        topicsByGroup.get().forEach((group, topics) -> {
            try {
                all.addAll(lag.of(group, topics));
            }
            catch (RuntimeException ex) {
                // that group's gauges keep their last values; an unreachable broker has its own alarms
                log.warn("Consumer lag of group {} not refreshed: {}", group, ex.getMessage());
            }
        });
        all.forEach(this::record);
        return all;
    }

    /** A scheduled task that throws is never run again. */
    private void refreshOnSchedule() {
        try {
            refresh();
        }
        catch (RuntimeException ex) {
            log.warn("Consumer lag not refreshed: {}", ex.getMessage());
        }
    }

    private void record(PartitionLag partitionLag) {
        String key = partitionLag.group() + '/' + partitionLag.topic() + '/' + partitionLag.partition();
        values.computeIfAbsent(key, ignored -> register(partitionLag)).set(partitionLag.lag());
    }

    private AtomicLong register(PartitionLag partitionLag) {
        AtomicLong value = new AtomicLong();
        MeterRegistry target = registry;
        if (target != null) {
            Gauge.builder(METRIC, value, AtomicLong::get)
                    .description("End offset minus the group's committed offset")
                    .tag("group", partitionLag.group())
                    .tag("topic", partitionLag.topic())
                    .tag("partition", Integer.toString(partitionLag.partition()))
                    .register(target);
        }
        return value;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        lag.close();
    }
}
