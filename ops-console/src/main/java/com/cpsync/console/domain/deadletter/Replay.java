package com.cpsync.console.domain.deadletter;

import java.util.ArrayList;
import java.util.List;

/**
 * How a dead letter goes back: to its original topic, with its original key, value and headers less the
 * dead-letter ones, and a {@value DeadLetterFacts#REPLAY_OF} header naming the dead letter, so a consumer and the
 * console can tell a replay from a first delivery. Without a key it returns to its original partition.
 */
public record Replay(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {

    public static Replay of(DeadLetterRecord stored) {
        DeadLetterFacts facts = stored.letter().facts();
        List<Header> headers = new ArrayList<>();
        for (Header header : stored.headers()) {
            if (!isDeadLetterHeader(header.name())) {
                headers.add(header);
            }
        }
        headers.add(Header.utf8(DeadLetterFacts.REPLAY_OF, stored.letter().position().toString()));
        Integer partition = stored.key() == null ? facts.originalPartition() : null;
        return new Replay(facts.originalTopic(), partition, stored.key(), stored.value(), List.copyOf(headers));
    }

    private static boolean isDeadLetterHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("cpsync_dlt-") || name.equals(DeadLetterFacts.REPLAY_OF);
    }
}
