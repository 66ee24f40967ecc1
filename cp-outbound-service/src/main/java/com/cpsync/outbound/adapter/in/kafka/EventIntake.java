package com.cpsync.outbound.adapter.in.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;

import com.cpsync.outbound.adapter.in.kafka.waiting.BacklogShare;
import com.cpsync.outbound.adapter.in.kafka.waiting.BacklogSpill;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingHeaders;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingLanes;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom;
import com.cpsync.outbound.adapter.in.kafka.work.RecordOrigin;
import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.adapter.in.kafka.work.WorkQueueKey;
import com.cpsync.outbound.adapter.in.kafka.work.WorkTrace;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.events.SourcePosition;
import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Between the consumer and the tenants' queues: registers each record for contiguous commits, queues an
 * event in its lane (by default its tenant's lane of its company, {@code WorkQueueKeys}) (a waiting-topic record
 * goes to its partition's lane instead), and bounds memory by pausing the events topic's partitions
 * ({@link IntakeFlow}). A tenant with more than its share
 * queued has its further records written to the waiting topic as its backlog instead ({@link BacklogSpill}),
 * handed back as its queue drains: one tenant's burst never fills the bound that stops everyone's records here.
 * The waiting topic's partitions are paused and resumed by their lanes. Each item keeps the trace it was consumed
 * in, for the worker that handles it.
 */
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final TenantWorkQueues<WorkItem> queues;
    private final Function<WorkItem, WorkQueueKey> queueKeys;
    private final ContiguousAcks acks;
    private final WaitingRoom room;
    private final WaitingLanes lanes;
    private final KafkaListenerEndpointRegistry registry;
    private final String topic;
    private final String waitingTopic;
    private final IntakeFlow flow;
    private final ObservationRegistry observations;
    private final BacklogShare share;
    private final BacklogSpill spill;

    public EventIntake(TenantWorkQueues<WorkItem> queues, ContiguousAcks acks, WaitingRoom room, WaitingLanes lanes,
            KafkaListenerEndpointRegistry registry, String topic, String waitingTopic, int maxBuffered,
            ObservationRegistry observations, Function<WorkItem, WorkQueueKey> queueKeys, BacklogShare share,
            BacklogSpill spill) {
        this.share = share;
        this.spill = spill;
        this.queues = queues;
        this.queueKeys = queueKeys;
        this.acks = acks;
        this.room = room;
        this.lanes = lanes;
        this.registry = registry;
        this.topic = topic;
        this.waitingTopic = waitingTopic;
        this.flow = new IntakeFlow(maxBuffered);
        this.observations = observations;
    }

    void accept(int partition, long offset, CenterpointEvent value, OutboundEvent event, Acknowledgment ack) {
        String key = topic + "-" + partition;
        acks.received(key, offset, ack::acknowledge);
        long epoch = epoch(partition);
        String tenant = event.tenantId();
        Runnable commit = () -> {
            // a record of an earlier assignment of the partition must not complete this one's record at its offset
            if (room.isCurrent(partition, epoch)) {
                acks.completed(key, offset);
            }
        };
        WorkTrace trace = ObservedWork.capture(observations);
        WaitingRoom.Intake intake = room.atIntake(tenant, partition, epoch, offset, share.exceeded(tenant));
        if (intake == WaitingRoom.Intake.QUEUE) {
            // the workers adjust the flow after each item they end
            WorkItem item = new WorkItem(event.readAt(new SourcePosition(partition, offset)), commit,
                    new RecordOrigin.Events(partition, offset, epoch, value), trace);
            queues.submit(queueKeys.apply(item), item);
        }
        else {
            if (intake == WaitingRoom.Intake.BACKLOG_STARTS) {
                log.info("Tenant {} has more than its share ({}) of records queued: from offset {} of partition {} "
                        + "on, its records wait on the waiting topic and come back as its queue drains", tenant,
                        share.perTenant(), offset, partition);
            }
            spill.offer(new BacklogSpill.Spilled(tenant, partition, offset, epoch, value, () -> {
                commit.run();
                adjustFlow();
            }, trace));
        }
        adjustFlow();
    }

    void acceptWaiting(int partition, long offset, Instant writtenAt, Headers headers, CenterpointEvent value,
            OutboundEvent event, Acknowledgment ack) {
        String key = waitingTopic + "-" + partition;
        acks.received(key, offset, ack::acknowledge);
        WaitingHeaders waiting = WaitingHeaders.read(headers, writtenAt);
        RecordOrigin.Waiting origin = new RecordOrigin.Waiting(partition, offset, epoch(partition), value,
                waiting.cycles(), waiting.waitingSince());
        // a copy keeps its original's place on the events topic (partition p there is partition p here)
        SourcePosition source = waiting.sourceOffset() < 0 ? SourcePosition.UNKNOWN
                : new SourcePosition(partition, waiting.sourceOffset());
        lanes.arrived(new WaitingLanes.Held(event.readAt(source), origin, writtenAt, () -> acks.completed(key, offset),
                ObservedWork.capture(observations)));
        adjustFlow();
    }

    boolean isWaitingTopic(String name) {
        return waitingTopic.equals(name);
    }

    /** Pauses or resumes the events topic's partitions by the records held in memory ({@link IntakeFlow}); called after every change. */
    public synchronized void adjustFlow() {
        MessageListenerContainer container = registry.getListenerContainer(CenterpointEventsKafkaListener.ID);
        // asked once: the container copies its assignment at every ask, and this runs for every record and item
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        if (assigned == null) {
            return;
        }
        List<TopicPartition> partitions = assigned.stream().filter(p -> p.topic().equals(topic)).toList();
        // the waiting topic's records are bounded by their lanes and by each tenant's share, not here
        Set<Integer> pause = flow.paused(partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet()),
                acks.unfinished(topic + "-"), acks.pending(), spill.queuedByPartition());
        for (TopicPartition partition : partitions) {
            boolean wanted = pause.contains(partition.partition());
            if (wanted && !container.isPartitionPauseRequested(partition)) {
                container.pausePartition(partition);
            }
            else if (!wanted && container.isPartitionPauseRequested(partition)) {
                container.resumePartition(partition);
            }
        }
    }

    /** Whether every partition of the events topic is paused for the records queued for work. */
    public boolean paused() {
        return flow.full();
    }

    /** Records come only for assigned partitions, which the room knows; -1 (stale at once) cannot happen. */
    private long epoch(int partition) {
        return room.epoch(partition).orElse(-1);
    }
}
