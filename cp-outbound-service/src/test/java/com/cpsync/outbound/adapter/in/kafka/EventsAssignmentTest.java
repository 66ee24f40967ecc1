package com.cpsync.outbound.adapter.in.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assignor the events consumer pins (KafkaConfig): Kafka's RangeAssignor gives partition p of the
 * events and of the waiting topic to the same member, for any number of members, when both topics have
 * the same partition count. A tenant's records on both sides therefore stay with one instance.
 */
class EventsAssignmentTest {

    private static final String EVENTS = "centerpoint.events.v1";
    private static final String WAITING = "cp-outbound.waiting.v1";

    @Test
    void shouldAssignPartitionPOfBothTopicsToTheSameMember() {
        for (int members = 1; members <= 7; members++) {
            Map<String, Subscription> subscriptions = new HashMap<>();
            for (int m = 0; m < members; m++) {
                subscriptions.put("cp-outbound-" + m, new Subscription(List.of(EVENTS, WAITING)));
            }

            Map<String, List<TopicPartition>> assignment = new RangeAssignor()
                    .assign(Map.of(EVENTS, 6, WAITING, 6), subscriptions);

            assignment.forEach((member, partitions) -> assertThat(numbers(partitions, WAITING))
                    .as("%d members: %s", subscriptions.size(), member).isEqualTo(numbers(partitions, EVENTS)));
            assertThat(assignment.values().stream().mapToInt(List::size).sum()).isEqualTo(12);
        }
    }

    private static Set<Integer> numbers(List<TopicPartition> partitions, String topic) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> numbers.add(p.partition()));
        return numbers;
    }
}
