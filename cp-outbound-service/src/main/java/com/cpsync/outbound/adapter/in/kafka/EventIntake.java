package com.cpsync.outbound.adapter.in.kafka;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;

import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingHeaders;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingLanes;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom;
import com.cpsync.outbound.adapter.in.kafka.work.RecordOrigin;
import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.adapter.in.kafka.work.WorkQueueKey;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Between the consumer and the tenants' queues: registers each record for contiguous commits, queues an
 * event in its lane (by default its tenant's lane of its company, {@code WorkQueueKeys}) (a waiting-topic record goes to its partition's lane instead), and bounds memory
 * by pausing the events topic's partitions while more than {@code maxBuffered} records wait (resumed below
 * half of it). The waiting topic's partitions are paused and resumed by their lanes. Each item keeps the
 * trace it was consumed in, for the worker that handles it.
 */
public class EventIntake {

    private final TenantWorkQueues<WorkItem> queues;
    private final Function<WorkItem, WorkQueueKey> queueKeys;
    private final ContiguousAcks acks;
    private final WaitingRoom room;
    private final WaitingLanes lanes;
    private final KafkaListenerEndpointRegistry registry;
    private final String topic;
    private final String waitingTopic;
    private final int maxBuffered;
    private final ObservationRegistry observations;
    private final AtomicBoolean paused = new AtomicBoolean();

    public EventIntake(TenantWorkQueues<WorkItem> queues, ContiguousAcks acks, WaitingRoom room, WaitingLanes lanes,
            KafkaListenerEndpointRegistry registry, String topic, String waitingTopic, int maxBuffered,
            ObservationRegistry observations, Function<WorkItem, WorkQueueKey> queueKeys) {
        this.queues = queues;
        this.queueKeys = queueKeys;
        this.acks = acks;
        this.room = room;
        this.lanes = lanes;
        this.registry = registry;
        this.topic = topic;
        this.waitingTopic = waitingTopic;
        this.maxBuffered = maxBuffered;
        this.observations = observations;
    }

    void accept(int partition, long offset, CenterpointEvent value, OutboundEvent event, Acknowledgment ack) {
        String key = topic + "-" + partition;
        acks.received(key, offset, ack::acknowledge);
        RecordOrigin origin = new RecordOrigin.Events(partition, offset, epoch(partition), value);
        WorkItem item = new WorkItem(event, () -> acks.completed(key, offset), origin, ObservedWork.capture(observations));
        queues.submit(queueKeys.apply(item), item);
        adjustFlow();
    }

    void acceptWaiting(int partition, long offset, Instant writtenAt, Headers headers, CenterpointEvent value,
            OutboundEvent event, Acknowledgment ack) {
        String key = waitingTopic + "-" + partition;
        acks.received(key, offset, ack::acknowledge);
        WaitingHeaders waiting = WaitingHeaders.read(headers, writtenAt);
        RecordOrigin.Waiting origin = new RecordOrigin.Waiting(partition, offset, epoch(partition), value,
                waiting.cycles(), waiting.waitingSince());
        lanes.arrived(new WaitingLanes.Held(event, origin, writtenAt, () -> acks.completed(key, offset),
                ObservedWork.capture(observations)));
        adjustFlow();
    }

    boolean isWaitingTopic(String name) {
        return waitingTopic.equals(name);
    }

    /** Pauses or resumes the events topic by the number of buffered records; called after every change. */
    public void adjustFlow() {
        int buffered = acks.pending();
        MessageListenerContainer container = registry.getListenerContainer(CenterpointEventsKafkaListener.ID);
        if (container == null || container.getAssignedPartitions() == null) {
            return;
        }
        if (buffered > maxBuffered && paused.compareAndSet(false, true)) {
            eventPartitions(container).forEach(container::pausePartition);
        }
        else if (buffered <= maxBuffered / 2 && paused.compareAndSet(true, false)) {
            eventPartitions(container).forEach(container::resumePartition);
        }
    }

    public boolean paused() {
        return paused.get();
    }

    private List<TopicPartition> eventPartitions(MessageListenerContainer container) {
        return container.getAssignedPartitions().stream().filter(p -> p.topic().equals(topic)).toList();
    }

    /** Records come only for assigned partitions, which the room knows; -1 (stale at once) cannot happen. */
    private long epoch(int partition) {
        return room.epoch(partition).orElse(-1);
    }
}
