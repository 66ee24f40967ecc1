package com.cpsync.syncsupport.lag;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The consumer groups a service runs and the topics each reads, as its {@code @KafkaListener}
 * containers have them. Read from the containers, not from {@code spring.kafka.consumer.group-id}: a
 * listener's {@code id} is its group unless it names another, and that property is then not used at all.
 */
final class ListenerGroups {

    private ListenerGroups() {
    }

    static Map<String, Collection<String>> topicsByGroup(KafkaListenerEndpointRegistry listeners) {
        Map<String, Collection<String>> topicsByGroup = new TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (container.getGroupId() != null && topics != null) {
                topicsByGroup.computeIfAbsent(container.getGroupId(), group -> new TreeSet<>())
                        .addAll(List.of(topics));
            }
        }
        return topicsByGroup;
    }
}
