package com.cpsync.outbound.adapter.in.kafka;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;

import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.domain.events.OutboundEvent;

/**
 * Between the consumer and the tenants' queues: registers each record for contiguous commits, queues
 * it under its tenant, and bounds memory by pausing the consumed partitions while more than
 * {@code maxBuffered} records wait (resumed below half of it).
 */
public class EventIntake {

    private final TenantWorkQueues<WorkItem> queues;
    private final ContiguousAcks acks;
    private final KafkaListenerEndpointRegistry registry;
    private final String topic;
    private final int maxBuffered;
    private final AtomicBoolean paused = new AtomicBoolean();

    public EventIntake(TenantWorkQueues<WorkItem> queues, ContiguousAcks acks, KafkaListenerEndpointRegistry registry,
            String topic, int maxBuffered) {
        this.queues = queues;
        this.acks = acks;
        this.registry = registry;
        this.topic = topic;
        this.maxBuffered = maxBuffered;
    }

    void accept(int partition, long offset, OutboundEvent event, Acknowledgment ack) {
        String key = topic + "-" + partition;
        acks.received(key, offset, ack::acknowledge);
        queues.submit(event.tenantId(), new WorkItem(event, () -> acks.completed(key, offset)));
        adjustFlow();
    }

    /** Pauses or resumes consumption by the number of buffered records; called after every change. */
    public void adjustFlow() {
        int buffered = acks.pending();
        MessageListenerContainer container = registry.getListenerContainer(CenterpointEventsKafkaListener.ID);
        if (container == null || container.getAssignedPartitions() == null) {
            return;
        }
        if (buffered > maxBuffered && paused.compareAndSet(false, true)) {
            container.getAssignedPartitions().forEach(container::pausePartition);
        }
        else if (buffered <= maxBuffered / 2 && paused.compareAndSet(true, false)) {
            for (TopicPartition partition : container.getAssignedPartitions()) {
                container.resumePartition(partition);
            }
        }
    }

    public boolean paused() {
        return paused.get();
    }
}
