package com.cpsync.outbound.adapter.in.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingLanes;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingWrites;
import com.cpsync.outbound.adapter.in.kafka.work.InFlightWork;

/**
 * Runs on the consumer's thread inside poll, so before any record of a newly assigned partition is
 * delivered: revoked partitions are forgotten (their new owner re-reads them from the committed offset, and
 * items still queued here turn stale), once the writes and items under way for them have ended; assigned ones get a new epoch, and their waiting partitions are
 * scanned for the tenants that have records waiting there.
 */
public record EventsRebalanceListener(String eventsTopic, String waitingTopic, ContiguousAcks acks, WaitingRoom room,
        WaitingLanes lanes, WaitingWrites writes, InFlightWork inFlight, Duration inFlightWait)
        implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(EventsRebalanceListener.class);

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            acks.forget(partition.topic() + "-" + partition.partition());
            room.revoked(partition.partition());
            lanes.revoked(partition.partition());
        }
        // then, with no new write to the waiting topic starting for them, wait for those under way: one landing after
        // the next owner has counted the waiting partition would be handed back there behind newer records of its
        // tenant already handled
        writes.awaitUnderWay();
        // and for the items workers are working: the next owner must not replay a tenant's records beside them
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        try {
            if (!inFlight.awaitNone(numbers, inFlightWait)) {
                log.warn("Partitions {} revoked while items of theirs were still being worked after {}: the next "
                        + "owner may work the same tenants beside them", numbers, inFlightWait);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        Set<Integer> events = numbers(partitions, eventsTopic);
        Set<Integer> waiting = numbers(partitions, waitingTopic);
        if (!events.equals(waiting)) {
            log.error("Partitions {} of {} and {} of {} were not assigned together: a tenant's order is not kept "
                    + "across the two (the consumer must use RangeAssignor and both topics the same partition count)",
                    events, eventsTopic, waiting, waitingTopic);
        }
        Map<Integer, Long> waitingEpochs = new HashMap<>();
        Set<Integer> all = new TreeSet<>(events);
        all.addAll(waiting);
        for (int partition : all) {
            long epoch = room.assigned(partition);
            if (waiting.contains(partition)) {
                waitingEpochs.put(partition, epoch);
            }
            else {
                // its waiting partition is someone else's: nothing to scan here, go on rather than stall
                room.scanned(partition, epoch, Map.of(), 0);
            }
        }
        lanes.assigned(waitingEpochs);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions, String topic) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> numbers.add(p.partition()));
        return numbers;
    }
}
